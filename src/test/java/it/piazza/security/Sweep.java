package it.piazza.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the API and whose it is: ONE LINE PER ENDPOINT. The IDOR sweep ({@link IdorSweepTests}) and
 * the hostile input batch ({@link HostileInputTests}) read this table; an operation in the application's OpenAPI
 * document without a line here fails both, with the line to add.
 *
 * <p>A line names the operation as the OpenAPI document does ({@code "GET /api/v1/applications/{id}"}), its owner
 * kind, the request that reaches the fixtures' real resource ({@code {application}}, {@code {case}}… are filled
 * in from {@link SweepFixtures}), and for writes a body. Owner kinds:
 * <ul>
 * <li>{@code citizen}: a citizen's own resource (Mario Rossi's); other citizens, operators of other offices, other
 * comuni, system clients and anonymous callers get 401/403/404 and nothing of his;</li>
 * <li>{@code office}: an office's resource (Scuola e Nidi's case); people, other offices, other comuni refused;</li>
 * <li>{@code staff}: the comune's staff (any office, e.g. the protocol register); citizens, other comuni refused;</li>
 * <li>{@code admin}: the comune's administrator only;</li>
 * <li>{@code system}: client systems of the comune (e.g. the pagoPA intermediary) only;</li>
 * <li>{@code self}: a list every caller may ask, answering only the caller's own items: the owner's list holds
 * the named fixture, nobody else's does;</li>
 * <li>{@code open}: public (catalogue, comune, demo sign-in).</li>
 * </ul>
 * Writes run after every read, each with intruders first and then its owner; {@code ownerExpects} lists the
 * statuses that prove the owner reached the operation (a 422 for a body the owner is refused on its merits, when a
 * successful write would disturb the other suites of the comune).
 */
final class Sweep {

  enum Owner { CITIZEN, OFFICE, STAFF, ADMIN, SYSTEM, SELF, OPEN }

  record Entry(String operation, Owner owner, String request, String body, Set<Integer> ownerExpects,
               String ownerSees, String by) {

    String method() {
      return operation.substring(0, operation.indexOf(' '));
    }

    boolean writes() {
      return !method().equals("GET");
    }

    Entry expecting(Integer... statuses) {
      return new Entry(operation, owner, request, body, Set.of(statuses), ownerSees, by);
    }

    Entry seeing(String fixture) {
      return new Entry(operation, owner, request, body, ownerExpects, fixture, by);
    }

    /** For a self-service operation: which caller's own answer the sweep checks (Mario unless named). */
    Entry by(String caller) {
      return new Entry(operation, owner, request, body, ownerExpects, ownerSees, caller);
    }
  }

  static final Set<Integer> SUCCESS = Set.of(200, 201, 204);

  static final List<Entry> ENTRIES = List.of(
      // identity, tenancy, catalogue
      self("GET /api/v1/me", "/api/v1/me").seeing("{marioCode}"),
      open("GET /api/v1/comune", "/api/v1/comune"),
      open("GET /api/v1/services", "/api/v1/services"),
      open("GET /api/v1/services/{id}", "/api/v1/services/nursery-enrolment"),
      open("GET /api/v1/catalog/categories", "/api/v1/catalog/categories"),
      admin("GET /api/v1/admin/services/{id}", "/api/v1/admin/services/nursery-enrolment"),
      admin("GET /api/v1/admin/services/{id}/versions", "/api/v1/admin/services/nursery-enrolment/versions"),
      admin("PUT /api/v1/admin/services/{id}", "/api/v1/admin/services/nursery-enrolment", "{}").expecting(422),
      open("GET /demo/identities", "/demo/identities"),
      open("POST /demo/token", "/demo/token", "{\"subject\":\"anna.bianchi\"}"),
      // applications, drafts, attachments
      citizen("GET /api/v1/applications/{id}", "/api/v1/applications/{application}"),
      self("GET /api/v1/me/applications", "/api/v1/me/applications").seeing("{application}"),
      self("POST /api/v1/applications", "/api/v1/applications", "{\"serviceId\":\"nursery-enrolment\"}")
          .expecting(422),
      citizen("GET /api/v1/drafts/{id}", "/api/v1/drafts/{draft}"),
      self("GET /api/v1/me/drafts", "/api/v1/me/drafts").seeing("{draft}"),
      self("POST /api/v1/drafts", "/api/v1/drafts", "{\"serviceId\":\"nursery-enrolment\",\"data\":{}}"),
      citizen("PUT /api/v1/drafts/{id}", "/api/v1/drafts/{draft}", "{\"data\":{\"schoolYear\":\"2027-2028\"}}"),
      citizen("POST /api/v1/drafts/{id}/submit", "/api/v1/drafts/{draftToSubmit}/submit", null).expecting(201, 422),
      citizen("DELETE /api/v1/drafts/{id}", "/api/v1/drafts/{draftToDelete}"),
      citizen("GET /api/v1/attachments/{id}", "/api/v1/attachments/{attachment}"),
      self("POST /api/v1/attachments", "/api/v1/attachments", "multipart"),
      // case handling
      self("GET /api/v1/office/cases", "/api/v1/office/cases?size=200").by("sara (Scuola e Nidi)").seeing("{case}"),
      office("POST /api/v1/cases/{id}/notes", "/api/v1/cases/{case}/notes", "{\"note\":\"Nota riservata abuso\"}"),
      office("POST /api/v1/cases/{id}/actions/{action}", "/api/v1/cases/{case}/actions/take", "{}"),
      self("POST /api/v1/office/applications", "/api/v1/office/applications", "{\"serviceId\":\"nursery-enrolment\"}")
          .by("sara (Scuola e Nidi)").expecting(400),
      // protocol and audit
      staff("GET /api/v1/protocol/{year}/{number}", "/api/v1/protocol/{protocol}"),
      staff("GET /api/v1/protocol", "/api/v1/protocol?date={today}"),
      admin("GET /api/v1/audit/verify", "/api/v1/audit/verify"),
      self("GET /api/v1/me/audit", "/api/v1/me/audit?size=200").seeing("{auditEntry}"),
      citizen("GET /api/v1/audit/entries/{id}/proof", "/api/v1/audit/entries/{auditEntry}/proof"),
      // payments
      self("GET /api/v1/me/payments", "/api/v1/me/payments").seeing("{payment}"),
      citizen("GET /api/v1/payments/{id}", "/api/v1/payments/{payment}"),
      citizen("GET /api/v1/payments/{id}/notice.pdf", "/api/v1/payments/{payment}/notice.pdf"),
      citizen("GET /api/v1/payments/{id}/io-message", "/api/v1/payments/{payment}/io-message"),
      office("GET /api/v1/cases/{id}/payments", "/api/v1/cases/{feeCase}/payments"),
      system("POST /api/v1/payments/{id}/cancel", "/api/v1/payments/{payment}/cancel", "{}").expecting(422),
      admin("GET /api/v1/payments/reconciliation", "/api/v1/payments/reconciliation"),
      system("POST /api/v1/payments/receipts", "/api/v1/payments/receipts", "{}").expecting(422),
      system("POST /api/v1/payments/positions", "/api/v1/payments/positions", "{}").expecting(422),
      system("POST /api/v1/payments/positions.csv", "/api/v1/payments/positions.csv", "csv").expecting(422),
      self("PUT /api/v1/payments/canteen-meals/{month}", "/api/v1/payments/canteen-meals/2020-01",
          "{\"children\":[{\"fiscalCode\":\"{marioCode}\",\"meals\":1}]}").by("sara (Scuola e Nidi)").expecting(422),
      citizen("POST /demo/payments/{id}/pay", "/demo/payments/{payment}/pay", null).expecting(201),
      system("POST /api/v1/payments/recurring-charges/run", "/api/v1/payments/recurring-charges/run",
          "{\"date\":\"2000-01-01\"}"),
      // issued documents (the public /verify pages are not API operations)
      self("GET /api/v1/me/documents", "/api/v1/me/documents").seeing("{document}"),
      citizen("GET /api/v1/documents/{id}/content", "/api/v1/documents/{document}/content"),
      admin("GET /api/v1/admin/registers", "/api/v1/admin/registers"),
      // preservation
      admin("GET /api/v1/admin/preservation/packages", "/api/v1/admin/preservation/packages?size=200")
          .seeing("{decidedCase}"),
      admin("POST /api/v1/admin/preservation/packages/{id}/resend",
          "/api/v1/admin/preservation/packages/{package}/resend", null).expecting(200, 409),
      open("POST /demo/preservation-pole", "/demo/preservation-pole", "zip").expecting(422));

  static Entry citizen(String operation, String request) {
    return citizen(operation, request, null);
  }

  static Entry citizen(String operation, String request, String body) {
    return new Entry(operation, Owner.CITIZEN, request, body, SUCCESS, null, null);
  }

  static Entry office(String operation, String request) {
    return office(operation, request, null);
  }

  static Entry office(String operation, String request, String body) {
    return new Entry(operation, Owner.OFFICE, request, body, SUCCESS, null, null);
  }

  static Entry staff(String operation, String request) {
    return new Entry(operation, Owner.STAFF, request, null, SUCCESS, null, null);
  }

  static Entry admin(String operation, String request) {
    return admin(operation, request, null);
  }

  static Entry admin(String operation, String request, String body) {
    return new Entry(operation, Owner.ADMIN, request, body, SUCCESS, null, null);
  }

  static Entry system(String operation, String request, String body) {
    return new Entry(operation, Owner.SYSTEM, request, body, SUCCESS, null, null);
  }

  static Entry self(String operation, String request) {
    return self(operation, request, null);
  }

  static Entry self(String operation, String request, String body) {
    return new Entry(operation, Owner.SELF, request, body, SUCCESS, null, null);
  }

  static Entry open(String operation, String request) {
    return open(operation, request, null);
  }

  static Entry open(String operation, String request, String body) {
    return new Entry(operation, Owner.OPEN, request, body, SUCCESS, null, null);
  }

  /** The operations of the application's OpenAPI document: "METHOD /path/{param}". */
  static Set<String> operationsOf(JsonNode openApi) {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : openApi.get("paths").properties()) {
      for (String method : List.of("get", "put", "post", "patch", "delete")) {
        if (path.getValue().has(method)) {
          operations.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    return operations;
  }

  /**
   * What is wrong with the table against the OpenAPI document: operations without a line (with the line to add)
   * and lines for operations that no longer exist.
   */
  static List<String> gaps(Set<String> documented) {
    List<String> gaps = new ArrayList<>();
    Set<String> listed = new TreeSet<>();
    ENTRIES.forEach(entry -> listed.add(entry.operation()));
    for (String operation : documented) {
      if (!listed.contains(operation)) {
        gaps.add("No sweep entry for " + operation + ": add ONE line to Sweep.ENTRIES, e.g.\n      "
            + suggestion(operation));
      }
    }
    for (String operation : listed) {
      if (!documented.contains(operation)) {
        gaps.add("Sweep.ENTRIES lists " + operation + ", which the OpenAPI document no longer has: remove it.");
      }
    }
    return gaps;
  }

  private static String suggestion(String operation) {
    String path = operation.substring(operation.indexOf(' ') + 1);
    String request = path.replaceAll("\\{[^}]+}", "{application}");
    boolean writes = !operation.startsWith("GET ");
    String body = writes ? ", \"{}\"" : "";
    String kind = path.startsWith("/api/v1/me/") ? "self" : path.startsWith("/api/v1/admin/") ? "admin"
        : path.contains("/office/") || path.startsWith("/api/v1/cases/") ? "office" : "citizen";
    String seeing = kind.equals("self") && !writes ? ".seeing(\"{application}\")" : "";
    return kind + "(\"" + operation + "\", \"" + request + "\"" + body + ")" + seeing + ","
        + "   // kinds: citizen, office, staff, admin, system, self, open; fixtures: " + SweepFixtures.NAMES;
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  /** Fills {@code {name}} with the fixture of that name. */
  static String fill(String template, Map<String, String> fixtures) {
    if (template == null) {
      return null;
    }
    Matcher found = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (found.find()) {
      String value = fixtures.get(found.group(1));
      if (value == null) {
        throw new IllegalStateException("No fixture named " + found.group(1) + " (known: " + fixtures.keySet() + ")");
      }
      found.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    found.appendTail(filled);
    return filled.toString();
  }

  static Map<String, Entry> byOperation() {
    Map<String, Entry> map = new LinkedHashMap<>();
    ENTRIES.forEach(entry -> map.put(entry.operation(), entry));
    return map;
  }

  private Sweep() {}
}
