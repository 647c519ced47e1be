package it.piazza.cases.internal;

/**
 * Who acts on an application, as the case sees them: a member of the handling office (a manager may assign to
 * others), the applicant or their delegate, or Piazza itself (deadline sweeps).
 */
record Actor(String subject, String name, Kind kind, boolean manager) {

  enum Kind { OFFICE, APPLICANT, SYSTEM }

  static final Actor SYSTEM = new Actor("piazza", "Piazza", Kind.SYSTEM, false);
}
