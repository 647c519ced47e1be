package it.piazza.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile inputs: bodies that are not JSON, not whole, too deep, too big, of the wrong types or full of Unicode
 * traps; path and query parameters that are not what they should be. Each is named, so a failure says which.
 */
final class Hostile {

  static final int LIMIT = 1024 * 1024;

  /** A request body: raw bytes and the Content-Type sent with them (null: no header). */
  record Body(String name, byte[] bytes, String contentType) {
    static Body json(String name, String text) {
      return new Body(name, text.getBytes(StandardCharsets.UTF_8), "application/json");
    }
  }

  /** Values of the wrong type (or a right type at its edge) for any one field. */
  static final Map<String, String> WRONG_TYPES = linked(
      "a string", "\"piazza\"",
      "a huge integer", "123456789012345678901234567890123456789",
      "a number beyond double", "1e400",
      "a negative number", "-1",
      "a fraction", "0.5",
      "an array", "[1,\"2\",null]",
      "an object", "{\"a\":{\"b\":[]}}",
      "null", "null",
      "a boolean", "true");

  /** Strings that break naive code: put in every string field at once. */
  static final Map<String, String> UNICODE = linked(
      "NUL", "\"a\\u0000b\"",
      "a lone high surrogate", "\"\\ud800\"",
      "a lone low surrogate then a high one", "\"\\udfff\\ud800\"",
      "a right-to-left override", "\"fattura\\u202Efdp.exe\"",
      "10 KB of combining marks", "\"a" + "\\u0301".repeat(5000) + "\"",
      "emoji", "\"\\ud83d\\udc69\\u200d\\ud83d\\udc69\\u200d\\ud83d\\udc67 \\ud83d\\udca9\"",
      "a BOM", "\"\\ufeffRSSMRA84E12F205X\"",
      "control characters", "\"\\u0007\\u001b[31m\\r\\n\"");

  /** Bodies that are wrong whatever the endpoint. */
  static List<Body> anyBody(String seed) {
    List<Body> bodies = new ArrayList<>();
    bodies.add(Body.json("malformed JSON", "{\"serviceId\": ,}"));
    bodies.add(Body.json("truncated JSON", seed.substring(0, Math.max(1, seed.length() / 2))));
    bodies.add(Body.json("not JSON at all", "ciao, sono un modulo"));
    bodies.add(Body.json("an empty body", ""));
    bodies.add(Body.json("JSON null", "null"));
    bodies.add(Body.json("a JSON array", "[]"));
    bodies.add(Body.json("a JSON string", "\"x\""));
    bodies.add(Body.json("a JSON number beyond double", "1e400"));
    bodies.add(Body.json("duplicate keys", "{\"a\":1,\"a\":2}"));
    bodies.add(Body.json("10 000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)));
    bodies.add(Body.json("100 000 nested arrays", "[".repeat(100_000) + "]".repeat(100_000)));
    bodies.add(Body.json("10 000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
    bodies.add(Body.json("100 000 nested objects", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)));
    bodies.add(Body.json("a string just under the 1 MB limit",
        "{\"x\":\"" + "a".repeat(LIMIT - 100) + "\"}"));
    bodies.add(Body.json("a string just over the 1 MB limit", "{\"x\":\"" + "a".repeat(LIMIT + 10) + "\"}"));
    bodies.add(Body.json("a number with a million digits", "{\"x\":" + "9".repeat(LIMIT - 100) + "}"));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    bodies.add(new Body("a byte-order mark before the JSON", concat(bom, seed.getBytes(StandardCharsets.UTF_8)),
        "application/json"));
    bodies.add(new Body("invalid UTF-8 bytes in a string", invalidUtf8(seed), "application/json"));
    bodies.add(new Body("UTF-16 while announcing UTF-8", seed.getBytes(StandardCharsets.UTF_16),
        "application/json; charset=UTF-8"));
    bodies.add(new Body("an unknown charset", seed.getBytes(StandardCharsets.UTF_8),
        "application/json; charset=klingon"));
    for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data", "multipart/form-data; boundary=nothing-follows", "text/csv", "garbage/",
        "application/json;;;===")) {
      bodies.add(new Body("Content-Type " + type, seed.getBytes(StandardCharsets.UTF_8), type));
    }
    bodies.add(new Body("no Content-Type", seed.getBytes(StandardCharsets.UTF_8), null));
    bodies.add(new Body("no body at all", null, null));
    return bodies;
  }

  /** The seed with each leaf (up to {@code max}) replaced in turn by each wrong type, then all strings by traps. */
  static List<Body> fieldBodies(JsonMapper json, String seed, int max) {
    List<Body> bodies = new ArrayList<>();
    JsonNode root = json.readTree(seed);
    if (root == null || !root.isContainer()) {
      return bodies;
    }
    List<String> leaves = new ArrayList<>();
    collectLeaves(root, "", leaves);
    for (String pointer : leaves.stream().filter(p -> !p.isEmpty()).limit(max).toList()) {
      WRONG_TYPES.forEach((name, value) -> bodies.add(Body.json(pointer + " as " + name,
          json.writeValueAsString(replace(json, root, pointer, json.readTree(value))))));
      bodies.add(Body.json(pointer + " nested 10 000 deep",
          replaceRaw(json, root, pointer, "[".repeat(10_000) + "]".repeat(10_000))));
    }
    UNICODE.forEach((name, value) -> bodies.add(Body.json("every string as " + name,
        replaceStrings(json, root, value))));
    return bodies;
  }

  /** Values for a path parameter that is not what it should be. */
  static final Map<String, String> PATH_VALUES = linked(
      "not a UUID", "not-a-uuid",
      "an encoded traversal", "..%2F..%2Fetc%2Fpasswd",
      "a traversal", "..",
      "an encoded backslash traversal", "..%5C..%5Cwin.ini",
      "an encoded NUL", "abc%00def",
      "5 000 characters", "x".repeat(5000),
      "a negative number", "-1",
      "a huge number", "99999999999999999999999",
      "an emoji", "%F0%9F%92%A9",
      "invalid UTF-8", "%C0%AF%FF",
      "a semicolon parameter", "x;jsessionid=1",
      "a UUID of nothing", "00000000-0000-0000-0000-000000000000");

  /** Values for a query parameter. */
  static final Map<String, String> QUERY_VALUES = linked(
      "negative", "-1",
      "zero", "0",
      "beyond int", "2147483648",
      "huge", "99999999999999999999999",
      "not a number", "abc",
      "5 000 characters", "x".repeat(5000),
      "an encoded NUL", "%00",
      "an impossible date", "2026-13-45",
      "empty", "",
      "invalid UTF-8", "%C0%AF");

  private static void collectLeaves(JsonNode node, String pointer, List<String> leaves) {
    if (node.isObject()) {
      node.properties().forEach(e -> collectLeaves(e.getValue(), pointer + "/" + e.getKey(), leaves));
      if (node.isEmpty()) {
        leaves.add(pointer);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      collectLeaves(node.get(0), pointer + "/0", leaves);
    } else if (!pointer.isEmpty()) {
      leaves.add(pointer);
    }
  }

  private static JsonNode replace(JsonMapper json, JsonNode root, String pointer, JsonNode value) {
    JsonNode copy = root.deepCopy();
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = cut == 0 ? copy : copy.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    }
    return copy;
  }

  private static String replaceRaw(JsonMapper json, JsonNode root, String pointer, String raw) {
    String marker = "__hostile_" + System.nanoTime() + "__";
    return json.writeValueAsString(replace(json, root, pointer, json.getNodeFactory().stringNode(marker)))
        .replace("\"" + marker + "\"", raw);
  }

  private static String replaceStrings(JsonMapper json, JsonNode root, String raw) {
    String marker = "__hostile_string__";
    JsonNode copy = root.deepCopy();
    markStrings(copy, json, marker);
    return json.writeValueAsString(copy).replace("\"" + marker + "\"", raw);
  }

  private static void markStrings(JsonNode node, JsonMapper json, String marker) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.properties().forEach(e -> names.add(e.getKey()));
      for (String name : names) {
        if (object.get(name).isString()) {
          object.put(name, marker);
        } else {
          markStrings(object.get(name), json, marker);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isString()) {
          array.set(i, json.getNodeFactory().stringNode(marker));
        } else {
          markStrings(array.get(i), json, marker);
        }
      }
    }
  }

  /** The seed with its first string value's quotes holding bytes that are not UTF-8. */
  private static byte[] invalidUtf8(String seed) {
    int quote = seed.indexOf(":\"");
    byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    if (quote < 0) {
      return concat(concat("{\"x\":\"".getBytes(StandardCharsets.UTF_8), bad), "\"}".getBytes(StandardCharsets.UTF_8));
    }
    byte[] head = seed.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8);
    byte[] tail = seed.substring(quote + 2).getBytes(StandardCharsets.UTF_8);
    return concat(concat(head, bad), tail);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private Hostile() {}
}
