package it.piazza.preservation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a submission package as a ZIP: every file under its path, then the index {@value #INDEX} — a UNI 11386:2020
 * SInCRO v2 PIndex in Piazza's profile ({@code preservation/sincro-v2-piazza.xsd}) with each file's SHA-256 as
 * actually written, and the AgID metadata of each document in its MoreInfo. Files are streamed, never held whole.
 */
final class SipWriter {

  static final String INDEX = "IPdV.xml";
  static final String SINCRO = "http://www.uni.com/U3011/sincro-v2/PIndex.xsd";
  static final String AGID = "urn:piazza:preservation:agid-metadata:2021";
  private static final String APPLICATION = "Piazza";
  private static final String VERSION = versionOf();

  private SipWriter() {}

  static void write(Sip sip, OutputStream out) {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      Map<Sip.Entry, String> hashes = new LinkedHashMap<>();
      for (Sip.Entry entry : sip.entries()) {
        zip.putNextEntry(new ZipEntry(entry.path()));
        MessageDigest digest = sha256();
        try (InputStream in = entry.content().open()) {
          in.transferTo(new DigestOutputStream(nonClosing(zip), digest));
        }
        zip.closeEntry();
        hashes.put(entry, HexFormat.of().formatHex(digest.digest()));
      }
      zip.putNextEntry(new ZipEntry(INDEX));
      writeIndex(sip, hashes, nonClosing(zip));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeIndex(Sip sip, Map<Sip.Entry, String> hashes, OutputStream out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      x.writeStartDocument("UTF-8", "1.0");
      x.setDefaultNamespace(SINCRO);
      x.setPrefix("agid", AGID);
      x.writeStartElement(SINCRO, "PIndex");
      x.writeDefaultNamespace(SINCRO);
      x.writeNamespace("agid", AGID);
      x.writeAttribute("language", "it");
      x.writeAttribute("sincroVersion", "2.0");

      x.writeStartElement(SINCRO, "SelfDescription");
      id(x, sip.packageId().toString(), "piazza-package");
      x.writeStartElement(SINCRO, "CreatingApplication");
      text(x, SINCRO, "Name", APPLICATION);
      text(x, SINCRO, "Version", VERSION);
      text(x, SINCRO, "Producer", APPLICATION);
      x.writeEndElement();
      x.writeStartElement(SINCRO, "MoreInfo");
      x.writeAttribute("XMLScheme", "agid-metadata-piazza.xsd");
      x.writeStartElement(SINCRO, "EmbeddedMetadata");
      x.writeStartElement(AGID, "Pacchetto");
      text(x, AGID, "Tipo", sip.kind().indexName);
      ente(x, "Produttore", sip.producer());
      text(x, AGID, "Riferimento", sip.reference());
      if (sip.linkedPackage() != null) {
        text(x, AGID, "PacchettoCollegato", sip.linkedPackage());
      }
      text(x, AGID, "NumeroDocumenti", Integer.toString(sip.entries().size()));
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();

      x.writeStartElement(SINCRO, "PVolume");
      id(x, sip.packageId().toString(), "piazza-package");
      text(x, SINCRO, "Label", sip.label());
      x.writeEndElement();

      Map<String, java.util.List<Sip.Entry>> groups = new LinkedHashMap<>();
      sip.entries().forEach(e -> groups.computeIfAbsent(e.group(), g -> new java.util.ArrayList<>()).add(e));
      for (var group : groups.entrySet()) {
        x.writeStartElement(SINCRO, "FileGroup");
        text(x, SINCRO, "Label", group.getKey());
        for (Sip.Entry entry : group.getValue()) {
          file(x, entry, hashes.get(entry));
        }
        x.writeEndElement();
      }

      x.writeStartElement(SINCRO, "Process");
      x.writeStartElement(SINCRO, "Submitter");
      text(x, SINCRO, "Name", sip.producer().name());
      id(x, sip.producer().ipaCode(), "IPA");
      x.writeEndElement();
      x.writeStartElement(SINCRO, "Holder");
      x.writeAttribute("holderRole", "produttore");
      text(x, SINCRO, "Name", sip.producer().name());
      id(x, sip.producer().ipaCode(), "IPA");
      x.writeEndElement();
      x.writeStartElement(SINCRO, "TimeReference");
      text(x, SINCRO, "TimeInfo", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
          sip.createdAt().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      x.writeEndElement();
      text(x, SINCRO, "LawsAndRegulations", "D.Lgs. 82/2005 art. 44; DPCM 3 dicembre 2013; Linee guida AgID sulla "
          + "formazione, gestione e conservazione dei documenti informatici (2021); UNI 11386:2020");
      x.writeEndElement();

      x.writeEndElement();
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write the package index", e);
    }
  }

  private static void file(XMLStreamWriter x, Sip.Entry entry, String sha256) throws XMLStreamException {
    x.writeStartElement(SINCRO, "File");
    x.writeAttribute("format", entry.mediaType());
    x.writeAttribute("extension", entry.extension());
    x.writeAttribute("encoding", "binary");
    id(x, entry.id(), "piazza-file");
    text(x, SINCRO, "Path", entry.path());
    x.writeStartElement(SINCRO, "Hash");
    x.writeAttribute("function", "SHA-256");
    x.writeCharacters(sha256);
    x.writeEndElement();
    x.writeStartElement(SINCRO, "MoreInfo");
    x.writeAttribute("XMLScheme", "agid-metadata-piazza.xsd");
    x.writeStartElement(SINCRO, "EmbeddedMetadata");
    metadata(x, entry, sha256);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
  }

  private static void metadata(XMLStreamWriter x, Sip.Entry entry, String sha256) throws XMLStreamException {
    Sip.Metadata m = entry.metadata();
    x.writeStartElement(AGID, "DocumentoInformatico");
    x.writeStartElement(AGID, "IdDoc");
    x.writeStartElement(AGID, "ImprontaCrittograficaDelDocumento");
    x.writeAttribute("algoritmo", "SHA-256");
    x.writeCharacters(sha256);
    x.writeEndElement();
    text(x, AGID, "Identificativo", m.identifier());
    x.writeEndElement();
    text(x, AGID, "ModalitaDiFormazione", String.valueOf(m.formation()));
    text(x, AGID, "TipologiaDocumentale", m.documentType());
    Sip.Registration r = m.registration();
    x.writeStartElement(AGID, "DatiDiRegistrazione");
    text(x, AGID, "TipologiaDiFlusso", r.flow());
    text(x, AGID, "TipoRegistro", r.registerType());
    text(x, AGID, "DataRegistrazione", r.date().toString());
    text(x, AGID, "NumeroDocumento", r.number());
    text(x, AGID, "CodiceRegistro", r.registerCode());
    x.writeEndElement();
    x.writeStartElement(AGID, "Soggetti");
    for (Sip.Party party : m.parties()) {
      x.writeStartElement(AGID, "Ruolo");
      x.writeAttribute("tipo", party.role());
      text(x, AGID, "Denominazione", party.name());
      if (party.fiscalCode() != null) {
        text(x, AGID, "CodiceFiscale", party.fiscalCode());
      }
      if (party.ipaCode() != null) {
        text(x, AGID, "CodiceIPA", party.ipaCode());
      }
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeStartElement(AGID, "ChiaveDescrittiva");
    text(x, AGID, "Oggetto", m.subject());
    x.writeEndElement();
    x.writeStartElement(AGID, "Classificazione");
    text(x, AGID, "IndiceDiClassificazione", m.classification().index());
    text(x, AGID, "Descrizione", m.classification().description());
    text(x, AGID, "PianoDiClassificazione", Classification.PLAN);
    x.writeEndElement();
    text(x, AGID, "Riservato", Boolean.toString(m.confidential()));
    x.writeStartElement(AGID, "IdentificativoDelFormato");
    text(x, AGID, "Formato", entry.mediaType());
    text(x, AGID, "Versione", entry.formatVersion());
    x.writeEndElement();
    text(x, AGID, "NomeDelDocumento", m.name());
    text(x, AGID, "TempoDiConservazione", Integer.toString(m.classification().retentionYears()));
    x.writeEndElement();
  }

  private static void ente(XMLStreamWriter x, String element, Sip.Producer producer) throws XMLStreamException {
    x.writeStartElement(AGID, element);
    text(x, AGID, "Denominazione", producer.name());
    text(x, AGID, "CodiceIPA", producer.ipaCode());
    if (producer.fiscalCode() != null) {
      text(x, AGID, "CodiceFiscale", producer.fiscalCode());
    }
    x.writeEndElement();
  }

  private static void id(XMLStreamWriter x, String value, String scheme) throws XMLStreamException {
    x.writeStartElement(SINCRO, "ID");
    x.writeAttribute("scheme", scheme);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String namespace, String element, String value)
      throws XMLStreamException {
    x.writeStartElement(namespace, element);
    x.writeCharacters(value);
    x.writeEndElement();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The ZIP stays open across entries: writers of one entry must not close it. */
  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        out.flush();
      }
    };
  }

  private static String versionOf() {
    String version = SipWriter.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
