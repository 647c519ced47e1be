package it.piazza.preservation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.identity.OfficeId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The package as written: valid against our SInCRO profile, every hash true; and the sender's waits. */
class SipWriterTest {

  @Test
  void aWrittenPackageIsValidAgainstTheProfileAndItsHashesAreTrue() {
    byte[] zip = write(aCasePackage());
    assertThat(SipInspector.check(zip)).isEmpty();
    String index = new String(entries(zip).get(SipWriter.INDEX), StandardCharsets.UTF_8);
    assertThat(index).contains("<PIndex xmlns=\"" + SipWriter.SINCRO + "\"").contains("sincroVersion=\"2.0\"")
        .contains("<Hash function=\"SHA-256\">").contains("<agid:IndiceDiClassificazione>VII.2<")
        .contains("<agid:Oggetto>Iscrizione all'asilo nido &amp; mensa - Sofia Rossi<")
        .doesNotContain("<agid:PacchettoCollegato>");
  }

  @Test
  void aFileChangedAfterIndexingOrAddedOrMissingIsRefused() throws IOException {
    byte[] zip = write(aCasePackage());
    assertThat(SipInspector.check(rewrite(zip, "istanza/domanda.json", "{}")))
        .hasValue("File istanza/domanda.json does not match its SHA-256 in the index");
    assertThat(SipInspector.check(rewrite(zip, "extra.txt", "ciao"))).hasValue("Files not listed in the index: extra.txt");
    assertThat(SipInspector.check(rewrite(zip, "allegati/1-isee.pdf", null)))
        .hasValue("File allegati/1-isee.pdf is listed in the index but missing from the package");
    assertThat(SipInspector.check(rewrite(zip, SipWriter.INDEX, "<PIndex/>"))).get().asString()
        .startsWith("The index is not valid");
    assertThat(SipInspector.check("not a zip".getBytes(StandardCharsets.UTF_8))).isPresent();
  }

  @Test
  void anIndexInflatingWithoutEndIsRefusedWithoutReadingItWhole() throws IOException {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bomb)) {
      out.putNextEntry(new ZipEntry(SipWriter.INDEX));
      byte[] spaces = new byte[1024 * 1024];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        out.write(spaces);
      }
      out.closeEntry();
    }
    assertThat(bomb.size()).isLessThan(1024 * 1024);
    assertThat(SipInspector.check(bomb.toByteArray())).get().asString().startsWith("The index is larger than");
  }

  @Test
  void theWaitBetweenAttemptsDoublesUpToItsCap() {
    var properties = new PreservationProperties(null, null, null, null, Map.of(),
        new PreservationProperties.Sender(true, null, 8, Duration.ofMinutes(1), Duration.ofMinutes(5), null));
    assertThat(List.of(1, 2, 3, 4, 5, 8).stream().map(properties::backoff).toList()).containsExactly(
        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5),
        Duration.ofMinutes(5), Duration.ofMinutes(5));
  }

  @Test
  void aComunesOwnPoleWinsOverTheCommonOne() {
    var common = URI.create("https://pole.example.it/packages");
    var own = URI.create("https://parer.example.it/monza");
    var properties = new PreservationProperties(common, null, null, "t", Map.of("c_f704",
        new PreservationProperties.Pole(own, "monza", "x", null)), null);
    assertThat(properties.poleOf(new it.piazza.tenancy.TenantId("c_f704")).orElseThrow().endpoint()).isEqualTo(own);
    assertThat(properties.poleOf(new it.piazza.tenancy.TenantId("c_b001")).orElseThrow().endpoint()).isEqualTo(common);
    assertThat(new PreservationProperties(null, null, null, null, null, null)
        .poleOf(new it.piazza.tenancy.TenantId("c_b001"))).isEmpty();
  }

  private static Sip aCasePackage() {
    Sip.Producer producer = new Sip.Producer("Comune di Borgo Piazza", "c_b001", "80012340016");
    Sip.Registration incoming = new Sip.Registration("E", "Protocollo Ordinario", LocalDate.of(2026, 3, 2),
        "2026/0000012", "C_B001-PG");
    List<Sip.Party> parties = List.of(new Sip.Party("Produttore", producer.name(), producer.fiscalCode(), "c_b001"),
        new Sip.Party("Mittente", "Mario Rossi", "RSSMRA80A01F205X", null));
    Classification nursery = Classification.ofOffice(new OfficeId("scuola-nidi"));
    String subject = "Iscrizione all'asilo nido & mensa - Sofia Rossi";
    return new Sip(UUID.randomUUID(), PackageKind.CASE, "Pratica 2026/0000012", producer, UUID.randomUUID().toString(),
        null, Instant.parse("2026-03-20T10:15:30Z"), List.of(
        new Sip.Entry("istanza", "Istanza", "istanza/domanda.json", "application/json", "RFC 8259",
            () -> new ByteArrayInputStream("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
            new Sip.Metadata("case-1", 'c', "Istanza", incoming, parties, subject, nursery, true, "domanda.json")),
        new Sip.Entry("allegato-1", "Allegati", "allegati/1-isee.pdf", "application/pdf", "1.4",
            () -> new ByteArrayInputStream("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)),
            new Sip.Metadata("att-1", 'b', "Allegato all'istanza: isee", incoming, parties, subject, nursery, true,
                "isee.pdf"))));
  }

  private static byte[] write(Sip sip) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SipWriter.write(sip, out);
    return out.toByteArray();
  }

  private static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        files.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  /** The package with {@code path} replaced by {@code text}, added if absent, removed when {@code text} is null. */
  private static byte[] rewrite(byte[] zip, String path, String text) throws IOException {
    Map<String, byte[]> files = entries(zip);
    if (text == null) {
      files.remove(path);
    } else {
      files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream copy = new ZipOutputStream(out)) {
      for (var f : files.entrySet()) {
        copy.putNextEntry(new ZipEntry(f.getKey()));
        copy.write(f.getValue());
        copy.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
