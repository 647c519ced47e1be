package it.piazza.preservation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a submission package as a pole checks it on ingest: the ZIP is readable, its index is valid against
 * Piazza's SInCRO profile, every listed file is there with the SHA-256 the index gives, and nothing else is.
 * Answers the reason for rejection, or empty when the package is acceptable.
 */
final class SipInspector {

  private static final Schema SCHEMA = schema();

  private SipInspector() {}

  static Schema schema() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
      var agid = SipInspector.class.getResource("/preservation/agid-metadata-piazza.xsd");
      var sincro = SipInspector.class.getResource("/preservation/sincro-v2-piazza.xsd");
      return factory.newSchema(new Source[] {new StreamSource(agid.toExternalForm()),
          new StreamSource(sincro.toExternalForm())});
    } catch (Exception e) {
      throw new IllegalStateException("Cannot load the preservation schemas", e);
    }
  }

  private static final int MAX_INDEX_BYTES = 8 * 1024 * 1024;

  static Optional<String> check(byte[] zip) {
    Map<String, String> contents = new HashMap<>();
    byte[] index = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (entry.getName().equals(SipWriter.INDEX)) {
          // A hostile package may inflate its index without end: an index is a few kilobytes.
          index = in.readNBytes(MAX_INDEX_BYTES + 1);
          if (index.length > MAX_INDEX_BYTES) {
            return Optional.of("The index is larger than " + MAX_INDEX_BYTES + " bytes");
          }
        } else if (!entry.isDirectory()) {
          contents.put(entry.getName(), sha256(in));
        }
      }
    } catch (IOException e) {
      return Optional.of("The package is not a readable ZIP: " + e.getMessage());
    }
    if (index == null) {
      return Optional.of("The package has no index " + SipWriter.INDEX);
    }
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(index));
      SCHEMA.newValidator().validate(new DOMSource(document));
    } catch (Exception e) {
      return Optional.of("The index is not valid: " + e.getMessage());
    }
    NodeList files = document.getElementsByTagNameNS(SipWriter.SINCRO, "File");
    for (int i = 0; i < files.getLength(); i++) {
      Element file = (Element) files.item(i);
      String path = child(file, "Path");
      String hash = child(file, "Hash");
      String actual = contents.remove(path);
      if (actual == null) {
        return Optional.of("File " + path + " is listed in the index but missing from the package");
      }
      if (!actual.equals(hash)) {
        return Optional.of("File " + path + " does not match its SHA-256 in the index");
      }
    }
    if (!contents.isEmpty()) {
      return Optional.of("Files not listed in the index: " + String.join(", ", contents.keySet()));
    }
    return Optional.empty();
  }

  private static String child(Element parent, String name) {
    return parent.getElementsByTagNameNS(SipWriter.SINCRO, name).item(0).getTextContent().strip();
  }

  private static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
