package it.piazza.cases;

import java.util.Objects;
import java.util.UUID;

/** An application (pratica), from submission on. */
public record CaseId(UUID value) {

  public CaseId {
    Objects.requireNonNull(value, "case id");
  }

  public static CaseId random() {
    return new CaseId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
