package it.piazza.preservation.internal;

/** Why a package exists; one package per cause. */
enum PackageKind {
  /** A closed case: the application, its receipt, its attachments, the documents issued for it. */
  CASE("PRATICA"),
  /** A document issued for a case after the case's package was made. */
  CASE_ADDENDUM("INTEGRAZIONE_PRATICA"),
  /** One day's protocol register (DPR 445/2000 art. 53 c.2). */
  DAILY_REGISTER("REGISTRO_GIORNALIERO_PROTOCOLLO");

  final String indexName;

  PackageKind(String indexName) {
    this.indexName = indexName;
  }

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  static PackageKind fromCode(String code) {
    for (PackageKind kind : values()) {
      if (kind.code().equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown package kind " + code);
  }
}
