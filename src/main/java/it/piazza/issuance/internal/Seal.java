package it.piazza.issuance.internal;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import it.piazza.tenancy.Tenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The comune's electronic seal (sigillo elettronico, eIDAS art. 35-36; CAD art. 20) on issued PDFs, with the EU DSS
 * library: PAdES baseline B-B (ETSI EN 319 142-1), SHA-256. No time-stamp: Piazza runs offline by default and has
 * no TSA, so B-T and above (and long-term validation) are left to preservation; see docs/documents.md. The
 * signature field is invisible — the visible mark is page content drawn by {@link PdfAWriter}.
 */
@Component
class Seal {

  private final SealKeys keys;
  /**
   * Stateless between calls (the parameters carry each seal's facts), so built once, at the first seal: building
   * it loads DSS and Bouncy Castle, half a second that a node's start need not wait for.
   */
  private volatile PAdESService service;

  Seal(SealKeys keys) {
    this.keys = keys;
  }

  byte[] apply(byte[] pdf, Tenant comune, Instant when, String reason) {
    SealKeys.SealKey seal = keys.of(comune);
    PAdESSignatureParameters parameters = new PAdESSignatureParameters();
    parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
    parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
    parameters.setSigningCertificate(seal.key().getCertificate());
    parameters.setCertificateChain(seal.key().getCertificateChain());
    parameters.bLevel().setSigningDate(Date.from(when));
    parameters.setReason(reason);
    parameters.setLocation(comune.name());
    parameters.setSignerName(comune.name());
    DSSDocument document = new InMemoryDocument(pdf, "document.pdf", MimeTypeEnum.PDF);
    PAdESService pades = service();
    ToBeSigned toBeSigned = pades.getDataToSign(document, parameters);
    SignatureValue value = seal.token().sign(toBeSigned, parameters.getDigestAlgorithm(), seal.key());
    return bytes(pades.signDocument(document, parameters, value));
  }

  private PAdESService service() {
    PAdESService built = service;
    if (built == null) {
      built = new PAdESService(new CommonCertificateVerifier());
      service = built;
    }
    return built;
  }

  /** What DSS says of a PDF's seal, checked against the trusted seal CAs, offline. */
  record Verdict(boolean sealed, boolean intact, String indication, String signedBy) {}

  Verdict check(byte[] pdf) {
    try {
      SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
      CommonCertificateVerifier verifier = new CommonCertificateVerifier();
      CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
      keys.trustAnchors().forEach(anchor -> trusted.addCertificate(new CertificateToken(anchor)));
      verifier.setTrustedCertSources(trusted);
      byte[] demoCrl = keys.demoCrl();
      if (demoCrl != null) {
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(demoCrl)));
      }
      verifier.setAIASource(null);
      verifier.setOcspSource(null);
      validator.setCertificateVerifier(verifier);
      Reports reports = validator.validateDocument();
      SimpleReport report = reports.getSimpleReport();
      String id = report.getFirstSignatureId();
      if (id == null) {
        return new Verdict(false, false, null, null);
      }
      Indication indication = report.getIndication(id);
      return new Verdict(true, indication == Indication.TOTAL_PASSED, indication.name(), report.getSignedBy(id));
    } catch (RuntimeException notAPdfOrUnreadable) {
      // DSS refuses what it cannot parse (not a PDF, a damaged one): such a copy carries no intact seal.
      return new Verdict(false, false, null, null);
    }
  }

  private static byte[] bytes(DSSDocument document) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.writeTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
