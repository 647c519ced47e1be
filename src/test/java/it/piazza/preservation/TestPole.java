package it.piazza.preservation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
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
 * A preservation pole for tests, on a free local port (JDK HttpServer): it checks every package as a pole does on
 * ingest — the ZIP is readable, the index well formed and valid against Piazza's SInCRO profile, every listed file
 * present with the SHA-256 the index gives, nothing unlisted, each document's AgID metadata there — and answers with
 * the contract of docs/preservation.md. It can be told to fail (503), to hang, or to be slow.
 */
public final class TestPole implements AutoCloseable {

  /** ACCEPT and decide at once; RECEIVE: take the package, decide when {@link #release() released}. */
  public enum Mode { ACCEPT, RECEIVE, FAIL, HANG, SLOW }

  static final String SINCRO = "http://www.uni.com/U3011/sincro-v2/PIndex.xsd";
  static final String AGID = "urn:piazza:preservation:agid-metadata:2021";

  /** One package as received: who sent it, what it held, what the pole answered. */
  public record Received(String packageId, String authorization, byte[] zip, Map<String, byte[]> files,
                         Optional<String> rejection) {}

  private final HttpServer server;
  private final Schema schema;
  private volatile Mode mode = Mode.ACCEPT;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> posts = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> undecided = new ConcurrentHashMap<>();
  private volatile boolean released;

  public TestPole() {
    try {
      schema = schema();
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/pole/packages", this::handle);
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/pole/packages";
  }

  public void mode(Mode newMode) {
    mode = newMode;
  }

  /** Packages taken in RECEIVE mode get their verdict from now on. */
  public void release() {
    released = true;
  }

  /** How many times a package was posted, whatever the answer. */
  public int posts(String packageId) {
    return posts.getOrDefault(packageId, 0);
  }

  public List<Received> received(String packageId) {
    return received.stream().filter(r -> packageId.equals(r.packageId())).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if ("GET".equals(exchange.getRequestMethod())) {
        status(exchange);
        return;
      }
      String packageId = exchange.getRequestHeaders().getFirst("X-Piazza-Package-Id");
      posts.merge(String.valueOf(packageId), 1, Integer::sum);
      byte[] zip = exchange.getRequestBody().readAllBytes();
      Mode now = mode;
      if (now == Mode.FAIL) {
        answer(exchange, 503, "{\"error\":\"maintenance\"}");
        return;
      }
      if (now == Mode.HANG || now == Mode.SLOW) {
        try {
          Thread.sleep(now == Mode.HANG ? 3_000 : 400);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!"POST".equals(exchange.getRequestMethod())
          || !"application/zip".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        answer(exchange, 415, "{\"outcome\":\"rejected\",\"reason\":\"POST application/zip only\"}");
        return;
      }
      Map<String, byte[]> files = new HashMap<>();
      Optional<String> rejection = check(zip, files);
      received.add(new Received(packageId, exchange.getRequestHeaders().getFirst("Authorization"), zip, files,
          rejection));
      if (now == Mode.RECEIVE) {
        String id = "POLO-" + UUID.randomUUID();
        undecided.put(id, rejection);
        answer(exchange, 202, "{\"outcome\":\"received\",\"id\":\"" + id + "\"}");
      } else if (rejection.isPresent()) {
        answer(exchange, 422, "{\"outcome\":\"rejected\",\"reason\":" + quote(rejection.get()) + "}");
      } else {
        answer(exchange, 200, "{\"outcome\":\"accepted\",\"id\":\"POLO-" + UUID.randomUUID() + "\"}");
      }
    }
  }

  /** GET /pole/packages/{id}: the verdict on a package taken in RECEIVE mode, once released. */
  private void status(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String id = path.substring(path.lastIndexOf('/') + 1);
    Optional<String> verdict = undecided.get(id);
    if (verdict == null) {
      answer(exchange, 404, "{\"error\":\"unknown package\"}");
    } else if (!released) {
      answer(exchange, 200, "{\"outcome\":\"received\",\"id\":\"" + id + "\"}");
    } else if (verdict.isPresent()) {
      answer(exchange, 200, "{\"outcome\":\"rejected\",\"id\":\"" + id + "\",\"reason\":" + quote(verdict.get())
          + "}");
    } else {
      answer(exchange, 200, "{\"outcome\":\"accepted\",\"id\":\"" + id + "\"}");
    }
  }

  private Optional<String> check(byte[] zip, Map<String, byte[]> files) {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        files.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      return Optional.of("ZIP not readable");
    }
    if (files.isEmpty()) {
      return Optional.of("ZIP not readable or empty");
    }
    byte[] index = files.get("IPdV.xml");
    if (index == null) {
      return Optional.of("no index IPdV.xml");
    }
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(index));
      schema.newValidator().validate(new DOMSource(document));
    } catch (Exception e) {
      return Optional.of("index not valid: " + e.getMessage());
    }
    Map<String, byte[]> unlisted = new HashMap<>(files);
    unlisted.remove("IPdV.xml");
    NodeList list = document.getElementsByTagNameNS(SINCRO, "File");
    for (int i = 0; i < list.getLength(); i++) {
      Element file = (Element) list.item(i);
      String path = text(file, SINCRO, "Path");
      Element hash = (Element) file.getElementsByTagNameNS(SINCRO, "Hash").item(0);
      byte[] content = unlisted.remove(path);
      if (content == null) {
        return Optional.of("listed file missing: " + path);
      }
      if (!"SHA-256".equals(hash.getAttribute("function"))
          || !sha256(content).equals(hash.getTextContent().strip())) {
        return Optional.of("hash mismatch: " + path);
      }
      for (String required : List.of("ImprontaCrittograficaDelDocumento", "Identificativo", "NumeroDocumento",
          "DataRegistrazione", "TipologiaDiFlusso", "Oggetto", "IndiceDiClassificazione", "Formato", "Versione",
          "TempoDiConservazione", "Riservato")) {
        if (text(file, AGID, required).isBlank()) {
          return Optional.of("metadata missing: " + required + " of " + path);
        }
      }
      if (!text(file, AGID, "ImprontaCrittograficaDelDocumento").equals(hash.getTextContent().strip())) {
        return Optional.of("metadata fingerprint differs from the index hash: " + path);
      }
    }
    if (!unlisted.isEmpty()) {
      return Optional.of("unlisted files: " + new ArrayList<>(unlisted.keySet()));
    }
    return Optional.empty();
  }

  private static String text(Element parent, String namespace, String name) {
    NodeList found = parent.getElementsByTagNameNS(namespace, name);
    return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
  }

  private static Schema schema() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return factory.newSchema(new Source[] {
        new StreamSource(TestPole.class.getResource("/preservation/agid-metadata-piazza.xsd").toExternalForm()),
        new StreamSource(TestPole.class.getResource("/preservation/sincro-v2-piazza.xsd").toExternalForm())});
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
