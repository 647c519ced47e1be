package it.piazza.issuance;

import java.util.Objects;
import java.util.UUID;

/** A document issued and sealed by the comune. */
public record IssuedDocumentId(UUID value) {

  public IssuedDocumentId {
    Objects.requireNonNull(value, "issued document id");
  }

  public static IssuedDocumentId random() {
    return new IssuedDocumentId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
