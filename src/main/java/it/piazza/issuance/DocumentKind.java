package it.piazza.issuance;

/** What an issued document is. */
public enum DocumentKind {
  /** A registry certificate (residence, family status, birth), issued for a certificate service. */
  CERTIFICATE,
  /** The decision (provvedimento) that approves or rejects a case. */
  DECISION,
  /** A day's protocol register, DPR 445/2000 art. 53 c.2. */
  DAILY_REGISTER
}
