package it.piazza.payments;

import java.util.Objects;
import java.util.UUID;

/** A debt position (posizione debitoria) of a comune. */
public record DebtPositionId(UUID value) {

  public DebtPositionId {
    Objects.requireNonNull(value, "debt position id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
