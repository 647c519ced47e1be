package it.piazza.payments.internal;

import it.piazza.audit.AuditLog;
import it.piazza.audit.AuditRecord;
import it.piazza.identity.Caller;
import it.piazza.identity.Callers;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.Idempotency;
import it.piazza.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Debt positions from other systems (TARI, rents, fines…), one by one as JSON or many at once as CSV. Either all
 * of a request is stored or nothing is: any bad field is reported (by line, for CSV) and no position is opened.
 */
@RestController
@Tag(name = "Payments")
class ImportController {

  static final List<String> COLUMNS = List.of("payerFiscalCode", "payerName", "beneficiaryFiscalCode", "amountCents",
      "dueDate", "validUntil", "description", "category", "externalReference");
  private static final int MAX_ROWS = 10_000;

  private final Callers callers;
  private final PositionImports imports;
  private final DebtPositions positions;
  private final PositionViews views;
  private final Idempotency idempotency;
  private final AuditLog audit;
  private final JsonMapper json;

  ImportController(Callers callers, PositionImports imports, DebtPositions positions, PositionViews views,
                   Idempotency idempotency, AuditLog audit, JsonMapper json) {
    this.callers = callers;
    this.imports = imports;
    this.positions = positions;
    this.views = views;
    this.idempotency = idempotency;
    this.audit = audit;
    this.json = json;
  }

  record Imported(int count, List<PositionViews.Detail> positions) {}

  @PostMapping(path = "/api/v1/payments/positions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('SYSTEM', 'ADMINISTRATOR')")
  @Operation(summary = "Open a debt position sent by another system (e.g. TARI), optionally in instalments; "
      + "honours Idempotency-Key")
  ResponseEntity<String> importOne(@RequestBody JsonNode body,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   Locale locale) {
    Caller caller = callers.current();
    if (body == null || !body.isObject()) {
      throw new ProblemException(PaymentsProblem.INVALID_POSITION).with("errors",
          List.of(Map.of("pointer", "", "message", "a JSON object")));
    }
    return idempotency.run(caller.tenant().value(), caller.subject(), key, body, () -> {
      List<PositionImports.Problem> problems = new ArrayList<>();
      List<NewPosition> wanted = imports.read(caller.tenant(), body, caller.subject(), null,
          PositionImports.references(), problems);
      if (!problems.isEmpty()) {
        throw new ProblemException(PaymentsProblem.INVALID_POSITION).with("errors", render(problems, locale));
      }
      Imported imported = open(caller, wanted);
      return new Idempotency.Answer(HttpStatus.CREATED, imported,
          URI.create("/api/v1/payments/" + imported.positions().getFirst().id()));
    });
  }

  @PostMapping(path = "/api/v1/payments/positions.csv", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @PreAuthorize("hasAnyRole('SYSTEM', 'ADMINISTRATOR')")
  @Operation(summary = "Open many debt positions from a CSV file (header: payerFiscalCode;payerName;amountCents;"
      + "dueDate;description;category;externalReference…). Bad rows are reported by line and nothing is stored.")
  ResponseEntity<String> importCsv(@RequestBody String csv,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   Locale locale) {
    Caller caller = callers.current();
    return idempotency.run(caller.tenant().value(), caller.subject(), key, csv, () -> {
      List<PositionImports.Problem> problems = new ArrayList<>();
      List<NewPosition> wanted = readCsv(caller, csv, problems);
      if (!problems.isEmpty()) {
        throw new ProblemException(PaymentsProblem.INVALID_CSV).with("errors", render(problems, locale));
      }
      Imported imported = open(caller, wanted);
      return new Idempotency.Answer(HttpStatus.CREATED, imported, null);
    });
  }

  private List<NewPosition> readCsv(Caller caller, String csv, List<PositionImports.Problem> problems) {
    List<CsvRows.Row> rows;
    try {
      rows = CsvRows.parse(csv == null ? "" : csv);
    } catch (CsvRows.Malformed e) {
      problems.add(new PositionImports.Problem(e.line, "", "virgolette non chiuse / unterminated quote"));
      return List.of();
    }
    if (rows.size() < 2 || rows.size() > MAX_ROWS + 1) {
      problems.add(new PositionImports.Problem(1, "", "un'intestazione e da 1 a " + MAX_ROWS + " righe / a header "
          + "and 1 to " + MAX_ROWS + " rows"));
      return List.of();
    }
    List<String> header = rows.getFirst().fields().stream().map(String::strip).toList();
    for (String column : header) {
      if (!COLUMNS.contains(column)) {
        problems.add(new PositionImports.Problem(1, "/" + column, "colonna sconosciuta / unknown column"));
      }
    }
    if (!problems.isEmpty()) {
      return List.of();
    }
    List<NewPosition> wanted = new ArrayList<>();
    Set<String> references = PositionImports.references();
    for (CsvRows.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() != header.size()) {
        problems.add(new PositionImports.Problem(row.line(), "", "attese " + header.size() + " colonne, trovate "
            + row.fields().size() + " / expected " + header.size() + " columns, found " + row.fields().size()));
        continue;
      }
      ObjectNode doc = json.createObjectNode();
      for (int i = 0; i < header.size(); i++) {
        String value = row.fields().get(i).strip();
        if (header.get(i).equals("amountCents") && value.matches("[0-9]{1,18}")) {
          doc.put("amountCents", Long.parseLong(value));
        } else if (!value.isEmpty()) {
          doc.put(header.get(i), value);
        }
      }
      wanted.addAll(imports.read(caller.tenant(), doc, caller.subject(), row.line(), references, problems));
    }
    return wanted;
  }

  private Imported open(Caller caller, List<NewPosition> wanted) {
    List<PositionViews.Detail> opened = new ArrayList<>();
    for (NewPosition position : wanted) {
      DebtPositions.Opened result = positions.open(position);
      if (!result.created()) {
        throw new ProblemException(PaymentsProblem.ALREADY_IMPORTED, position.externalReference());
      }
      audit.record(AuditRecord.by(caller, "create", "debt-position", result.position().id().toString(),
          result.position().dataSubject(), "payments-import"));
      opened.add(views.detail(result.position()));
    }
    return new Imported(opened.size(), opened);
  }

  private static List<Map<String, Object>> render(List<PositionImports.Problem> problems, Locale locale) {
    return problems.stream().limit(500).map(p -> p.asMap(locale)).toList();
  }
}
