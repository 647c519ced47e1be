package it.piazza.identity;

/** Someone a person may act for, and on what ground. */
public record Delegator(FiscalCode fiscalCode, String name, Kind kind, String mandateReference) {

  public enum Kind {
    /** A parent for a minor child (responsabilità genitoriale). */
    PARENTAL,
    /** A professional for a client, under a recorded mandate (procura). */
    MANDATE
  }
}
