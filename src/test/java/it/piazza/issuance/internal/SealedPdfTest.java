package it.piazza.issuance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.issuance.PdfChecks;
import it.piazza.platform.DataDirectory;
import it.piazza.tenancy.EnteFiscalCode;
import it.piazza.tenancy.IstatCode;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed PDF itself, without Spring: PDF/A-2b for veraPDF, a valid PAdES seal for DSS, and no tampering. */
class SealedPdfTest {

  static final Tenant BORGO = new Tenant(new TenantId("c_b001"), "Comune di Borgo Piazza", IstatCode.of("999001"),
      EnteFiscalCode.of("80012340016"), List.of("localhost"), new Tenant.Branding("#0066CC", null));

  @TempDir
  Path data;

  private Seal seal() {
    IssuanceProperties properties = new IssuanceProperties(Map.of(), Map.of(), true, List.of(), null, null);
    return new Seal(new SealKeys(properties, new DataDirectory(data)));
  }

  static Sheet sheet(int tableRows) {
    Sheet.Builder blocks = new Sheet.Builder().heading("Si certifica che")
        .facts(List.<String[]>of(new String[] {"Cognome e nome", "Rossi Mario"},
            new String[] {"Indirizzo", "Via della Libertà 12, 99001 Borgo Piazza — scala B, interno 4 € ½"}))
        .paragraph("Il presente certificato non può essere prodotto agli organi della pubblica amministrazione o ai "
            + "privati gestori di pubblici servizi (art. 40 DPR 445/2000).")
        .note("Imposta di bollo assolta in modo virtuale.");
    if (tableRows > 0) {
      List<List<String>> rows = new ArrayList<>();
      for (int i = 1; i <= tableRows; i++) {
        rows.add(List.of("2026/" + "%07d".formatted(i), "22/11/2026 10:15", "uscita", "Mario Rossi",
            "Certificato anagrafico numero " + i, "a".repeat(64)));
      }
      blocks.table(List.of("Numero", "Data e ora", "Verso", "Corrispondenti", "Oggetto", "Impronta"),
          new float[] {1.2f, 1.3f, 0.8f, 1.6f, 2.4f, 2.6f}, rows);
    }
    return new Sheet("Comune di Borgo Piazza", "Anagrafe e Stato civile", "Certificato di residenza",
        blocks.blocks(), "7K3M-Q9XT-2H4W-PZ6B-N8RA", "http://localhost:8080/verify/7K3M-Q9XT-2H4W-PZ6B-N8RA",
        Instant.parse("2026-11-22T10:15:30Z"));
  }

  @Test
  void aSheetIsWrittenAsPdfA2b() {
    byte[] pdf = new PdfAWriter().write(sheet(0));
    assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
  }

  @Test
  void aLongTableFlowsOnSeveralPagesAndStaysPdfA2b() {
    byte[] pdf = new PdfAWriter().write(sheet(120));
    assertThat(PdfChecks.pdfA2bFailures(pdf)).isEmpty();
  }

  @Test
  void theSealedPdfIsStillPdfA2bAndItsSealPassesDss() {
    Seal seal = seal();
    byte[] sealed = seal.apply(new PdfAWriter().write(sheet(0)), BORGO, Instant.now(), "Certificato");
    assertThat(PdfChecks.pdfA2bFailures(sealed)).isEmpty();
    Seal.Verdict verdict = seal.check(sealed);
    assertThat(verdict.sealed()).isTrue();
    assertThat(verdict.indication()).isEqualTo("TOTAL_PASSED");
    assertThat(verdict.intact()).isTrue();
  }

  @Test
  void aChangedByteBreaksTheSeal() {
    Seal seal = seal();
    byte[] sealed = seal.apply(new PdfAWriter().write(sheet(0)), BORGO, Instant.now(), "Certificato");
    byte[] altered = sealed.clone();
    int at = new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Rossi");
    if (at < 0) {
      at = sealed.length / 3;
    }
    altered[at + 1] ^= 0x01;
    assertThat(seal.check(altered).intact()).isFalse();
  }

  @Test
  void anUnsealedPdfOrNonsenseHasNoIntactSeal() {
    assertThat(seal().check(new PdfAWriter().write(sheet(0))).sealed()).isFalse();
    assertThat(seal().check("not a pdf".getBytes()).intact()).isFalse();
  }

  @Test
  void verificationCodesAreRandomTypableAndForgiving() {
    String code = VerificationCode.random();
    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
    assertThat(VerificationCode.random()).isNotEqualTo(code);
    assertThat(VerificationCode.normalize(code.toLowerCase().replace("-", ""))).contains(code);
    assertThat(VerificationCode.normalize("7k3m q9xt 2h4w pz6b n8ra")).contains("7K3M-Q9XT-2H4W-PZ6B-N8RA");
    assertThat(VerificationCode.normalize("OOOO-IIII-LLLL-0000-1111")).contains("0000-1111-1111-0000-1111");
    assertThat(VerificationCode.normalize("7K3M-Q9XT")).isEmpty();
    assertThat(VerificationCode.normalize("UUUU-Q9XT-2H4W-PZ6B-N8RA")).isEmpty();
  }
}
