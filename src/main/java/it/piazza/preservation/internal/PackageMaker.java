package it.piazza.preservation.internal;

import it.piazza.cases.CaseFacts;
import it.piazza.catalog.Catalog;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.documents.AttachmentInfo;
import it.piazza.documents.Attachments;
import it.piazza.documents.DocumentStore;
import it.piazza.issuance.DocumentIssued;
import it.piazza.issuance.DocumentKind;
import it.piazza.protocol.ProtocolEntry;
import it.piazza.protocol.ProtocolNumber;
import it.piazza.protocol.ProtocolRegister;
import it.piazza.tenancy.Tenant;
import it.piazza.tenancy.TenantId;
import it.piazza.tenancy.Tenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts together what each kind of package holds, from the modules that own it — the case's facts and answers, its
 * protocol registration, its attachments, the documents issued for it — writes it ({@link SipWriter}) and stores
 * the ZIP in the document store.
 */
@Component
class PackageMaker {

  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  private final Tenants tenants;
  private final Catalog catalog;
  private final ProtocolRegister protocol;
  private final Attachments attachments;
  private final DocumentStore store;
  private final JsonMapper json;

  PackageMaker(Tenants tenants, Catalog catalog, ProtocolRegister protocol, Attachments attachments,
               DocumentStore store, JsonMapper json) {
    this.tenants = tenants;
    this.catalog = catalog;
    this.protocol = protocol;
    this.attachments = attachments;
    this.store = store;
    this.json = json;
  }

  /** The facts of a closure, as kept with the package to build it again. */
  record CaseCause(String caseId, String outcome, LocalDate closedOn) {}

  /** A closed case: the application and its receipt, its attachments, and its issued documents so far. */
  DocumentStore.Stored caseSip(UUID packageId, CaseFacts facts, CaseCause cause, List<DocumentIssued> issued,
                               Instant now) {
    Sip.Producer producer = producer(facts.tenant());
    Optional<ProtocolEntry> entry = ProtocolNumber.isValid(facts.protocolNumber())
        ? protocol.find(facts.tenant(), ProtocolNumber.parse(facts.protocolNumber())) : Optional.empty();
    LocalDate registered = entry.map(ProtocolEntry::registrationDate).orElse(cause.closedOn());
    String title = catalog.find(facts.tenant(), facts.service(), facts.serviceVersion())
        .or(() -> catalog.find(facts.tenant(), facts.service())).map(ServiceDefinition::title)
        .map(t -> t.it()).orElse(facts.service().value());
    Classification classification = Classification.ofOffice(facts.office());
    Sip.Registration incoming = new Sip.Registration("E", "Protocollo Ordinario", registered,
        facts.protocolNumber(), registerCode(facts.tenant()));
    List<Sip.Party> parties = new ArrayList<>();
    parties.add(new Sip.Party("Produttore", producer.name(), producer.fiscalCode(), producer.ipaCode()));
    parties.add(new Sip.Party("Mittente", facts.applicantName(), facts.applicant().value(), null));
    if (!facts.beneficiary().equals(facts.applicant())) {
      parties.add(new Sip.Party("Altro", facts.beneficiaryName(), facts.beneficiary().value(), null));
    }
    String subject = title + " - " + facts.beneficiaryName();
    List<Sip.Entry> entries = new ArrayList<>();

    ObjectNode application = json.createObjectNode();
    application.put("caseId", facts.id().toString()).put("service", facts.service().value())
        .put("serviceVersion", facts.serviceVersion()).put("serviceTitle", title)
        .put("office", facts.office().value()).put("outcome", cause.outcome())
        .put("closedOn", cause.closedOn().toString());
    application.putObject("applicant").put("fiscalCode", facts.applicant().value()).put("name", facts.applicantName());
    application.putObject("beneficiary").put("fiscalCode", facts.beneficiary().value())
        .put("name", facts.beneficiaryName());
    application.set("data", facts.data());
    entries.add(new Sip.Entry("istanza", "Istanza", "istanza/domanda.json", "application/json", "RFC 8259",
        bytes(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(application)),
        new Sip.Metadata(facts.id().toString(), 'c', "Istanza", incoming, parties, subject, classification, true,
            "domanda.json")));

    ObjectNode receipt = json.createObjectNode();
    receipt.put("protocolNumber", facts.protocolNumber()).put("registrationDate", registered.toString());
    entry.ifPresent(e -> receipt.put("registeredAt", e.registeredAt().toString())
        .put("direction", e.direction().code()).put("subject", e.subject()).put("fingerprint", e.fingerprint())
        .put("channel", e.channel().name().toLowerCase(java.util.Locale.ROOT)));
    entries.add(new Sip.Entry("ricevuta", "Istanza", "istanza/ricevuta-protocollo.json", "application/json",
        "RFC 8259", bytes(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(receipt)),
        new Sip.Metadata(facts.protocolNumber(), 'd', "Ricevuta di protocollazione", incoming, parties,
            "Ricevuta di protocollo - " + subject, classification, true, "ricevuta-protocollo.json")));

    int n = 0;
    for (AttachmentInfo a : attachments.ofCase(facts.tenant(), facts.id().value())) {
      n++;
      String name = safeName(a.fileName());
      entries.add(new Sip.Entry("allegato-" + n, "Allegati", "allegati/" + n + "-" + name, a.mediaType(),
          formatVersion(a.mediaType(), a.sha256()), stored(a.sha256()),
          new Sip.Metadata(a.id().toString(), 'b', "Allegato all'istanza: " + a.kind(), incoming, parties,
              a.kind() + " - " + subject, classification, true, a.fileName())));
    }
    issued.forEach(d -> entries.add(issuedEntry(d, facts.tenant(), parties.subList(0, 2), classification)));
    Sip sip = new Sip(packageId, PackageKind.CASE, "Pratica " + facts.protocolNumber() + " - " + title, producer,
        facts.id().toString(), null, now, entries);
    return store(sip);
  }

  /** A document issued after its case's package was made: a package of its own, linked to the case's. */
  DocumentStore.Stored addendumSip(UUID packageId, DocumentIssued document, UUID casePackage,
                                   Optional<CaseFacts> facts, Instant now) {
    Sip.Producer producer = producer(document.tenant());
    List<Sip.Party> parties = new ArrayList<>();
    parties.add(new Sip.Party("Produttore", producer.name(), producer.fiscalCode(), producer.ipaCode()));
    facts.ifPresent(f -> parties.add(new Sip.Party("Destinatario", f.applicantName(), f.applicant().value(), null)));
    Classification classification = facts.map(f -> Classification.ofOffice(f.office()))
        .orElse(Classification.ofOffice(new it.piazza.identity.OfficeId("segreteria")));
    Sip sip = new Sip(packageId, PackageKind.CASE_ADDENDUM, "Integrazione della pratica " + document.caseId()
        + " - " + document.title(), producer, document.documentId().toString(), casePackage.toString(), now,
        List.of(issuedEntry(document, document.tenant(), parties, classification)));
    return store(sip);
  }

  /** A day's protocol register, kept without limit. */
  DocumentStore.Stored registerSip(UUID packageId, DocumentIssued register, Instant now) {
    Sip.Producer producer = producer(register.tenant());
    List<Sip.Party> parties = List.of(new Sip.Party("Produttore", producer.name(), producer.fiscalCode(),
        producer.ipaCode()));
    Sip sip = new Sip(packageId, PackageKind.DAILY_REGISTER, "Registro giornaliero di protocollo del "
        + DocumentsToPreserve.dayOf(register), producer, register.documentId().toString(), null, now,
        List.of(issuedEntry(register, register.tenant(), parties, Classification.DAILY_REGISTER)));
    return store(sip);
  }

  private Sip.Entry issuedEntry(DocumentIssued d, TenantId tenant, List<Sip.Party> parties,
                                Classification classification) {
    boolean register = d.kind() == DocumentKind.DAILY_REGISTER;
    LocalDate day = d.issuedAt().atZone(ITALY).toLocalDate();
    Sip.Registration registration = register || d.protocolNumber() == null
        ? new Sip.Registration("I", "Registro giornaliero di protocollo", day, DocumentsToPreserve.dayOf(d).toString(),
            registerCode(tenant))
        : new Sip.Registration("U", "Protocollo Ordinario", day, d.protocolNumber(), registerCode(tenant));
    String type = switch (d.kind()) {
      case CERTIFICATE -> "Certificato";
      case DECISION -> "Provvedimento";
      case DAILY_REGISTER -> "Registro giornaliero di protocollo";
    };
    String file = d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + d.documentId() + ".pdf";
    return new Sip.Entry("documento-" + d.documentId(), "Documenti emessi", "documenti/" + file, "application/pdf",
        formatVersion("application/pdf", d.sha256()), stored(d.sha256()),
        new Sip.Metadata(d.documentId().toString(), register ? 'd' : 'a', type, registration, parties, d.title(),
            classification, true, file));
  }

  private Sip.Producer producer(TenantId id) {
    Tenant tenant = tenants.find(id).orElseThrow(() -> new IllegalStateException("Unknown comune " + id));
    return new Sip.Producer(tenant.name(), id.value(), tenant.fiscalCode() == null ? null
        : tenant.fiscalCode().value());
  }

  private static String registerCode(TenantId tenant) {
    return tenant.value().toUpperCase(java.util.Locale.ROOT) + "-PG";
  }

  private Sip.Content stored(String sha256) {
    return () -> store.open(sha256).orElseThrow(() -> new IOException("Missing from the store: " + sha256));
  }

  private static Sip.Content bytes(byte[] content) {
    return () -> new ByteArrayInputStream(content);
  }

  /** The format's version, as allegato 5 asks: for a PDF, from its header ({@code %PDF-1.7}). */
  private String formatVersion(String mediaType, String sha256) {
    if (!"application/pdf".equals(mediaType)) {
      return "n/d";
    }
    try (InputStream in = store.open(sha256).orElse(InputStream.nullInputStream())) {
      String head = new String(in.readNBytes(8), StandardCharsets.ISO_8859_1);
      return head.startsWith("%PDF-") && head.length() == 8 ? head.substring(5) : "n/d";
    } catch (IOException e) {
      return "n/d";
    }
  }

  private static String safeName(String name) {
    String cleaned = name == null ? "file" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.isBlank() || cleaned.startsWith(".") ? "file" + cleaned : cleaned;
  }

  private DocumentStore.Stored store(Sip sip) {
    Path file = null;
    try {
      file = Files.createTempFile("piazza-sip-", ".zip");
      try (var out = Files.newOutputStream(file)) {
        SipWriter.write(sip, out);
      }
      try (var in = Files.newInputStream(file)) {
        return store.put(in, Long.MAX_VALUE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }
}
