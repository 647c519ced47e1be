package it.piazza.issuance.internal;

import it.piazza.identity.OfficeDirectory;
import it.piazza.issuance.IssuanceProblem;
import it.piazza.platform.ProblemException;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public verification of issued documents by their code (the QR code leads here). It tells whether the comune
 * issued a document with that code, what kind, when and by which office, and its fingerprint — never whom it is
 * about (data minimisation, GDPR art. 5 c.1 c): the holder's name is on the paper, not on the public page. A copy
 * can be checked: does it match the fingerprint, and is its seal intact.
 */
@Component
class Verification {

  private final IssuedDocuments documents;
  private final Tenants tenants;
  private final OfficeDirectory offices;
  private final Seal seal;
  private final IssuanceProperties properties;

  Verification(IssuedDocuments documents, Tenants tenants, OfficeDirectory offices, Seal seal,
               IssuanceProperties properties) {
    this.documents = documents;
    this.tenants = tenants;
    this.offices = offices;
    this.seal = seal;
    this.properties = properties;
  }

  /** What the public may know of an issued document. */
  record Summary(boolean valid, Instant issuedAt, String office, String sha256, String kind, String title,
                 String code) {}

  /** The answer to a copy: valid only when it is the issued document, byte for byte, with its seal intact. */
  record CopyCheck(boolean valid, boolean matchesFingerprint, boolean sealIntact, String sha256, Summary document) {}

  /** The document with this code in this comune (codes from another comune's QR are that comune's to verify). */
  Summary lookup(TenantId tenant, String typed) {
    IssuedDocument document = VerificationCode.normalize(typed).flatMap(documents::byCode)
        .filter(d -> d.tenant().equals(tenant))
        .orElseThrow(() -> new ProblemException(IssuanceProblem.VERIFICATION_CODE_UNKNOWN));
    Tenant comune = tenants.find(document.tenant()).orElseThrow();
    String office = document.office() == null ? comune.name() : comune.name() + " - " + offices
        .name(document.tenant(), document.office()).map(OfficeDirectory.OfficeName::it)
        .orElse(document.office().value());
    return new Summary(true, document.issuedAt(), office, document.sha256(), document.kind().name(),
        document.title(), document.verificationCode());
  }

  CopyCheck check(TenantId tenant, String typed, MultipartFile file) {
    Summary summary = lookup(tenant, typed);
    if (file == null || file.isEmpty()) {
      throw new ProblemException(IssuanceProblem.VERIFY_FILE_MISSING);
    }
    long max = properties.maxVerifySize().toBytes();
    if (file.getSize() > max) {
      throw new ProblemException(IssuanceProblem.VERIFY_FILE_TOO_LARGE, max / (1024 * 1024));
    }
    byte[] copy;
    try (InputStream in = file.getInputStream()) {
      copy = in.readNBytes((int) max + 1);
    } catch (IOException e) {
      throw new ProblemException(IssuanceProblem.VERIFY_FILE_MISSING);
    }
    if (copy.length > max) {
      throw new ProblemException(IssuanceProblem.VERIFY_FILE_TOO_LARGE, max / (1024 * 1024));
    }
    if (copy.length < 5 || !Arrays.equals(Arrays.copyOf(copy, 5), "%PDF-".getBytes())) {
      throw new ProblemException(IssuanceProblem.VERIFY_NOT_A_PDF);
    }
    String sha256 = sha256(copy);
    boolean matches = sha256.equals(summary.sha256());
    boolean intact = seal.check(copy).intact();
    return new CopyCheck(matches && intact, matches, intact, sha256, summary);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
