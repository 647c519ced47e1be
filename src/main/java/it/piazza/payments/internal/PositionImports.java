package it.piazza.payments.internal;

import it.piazza.identity.FiscalCode;
import it.piazza.payments.PaymentCategory;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads debt positions sent by other systems (TARI from the tax office's software, fines, rents…), one JSON
 * document per position, and checks every field; a position in instalments becomes one position per instalment,
 * each with its own notice, sharing a plan id.
 */
@Component
class PositionImports {

  static final int MAX_DESCRIPTION = 140; // pagoPA: the "causale" of a payment has at most 140 characters
  private static final Pattern REFERENCE = Pattern.compile("[\\x21-\\x7E]{1,100}");
  private static final long MAX_CENTS = 99_999_999_999L;

  private final DebtPositions positions;

  PositionImports(DebtPositions positions) {
    this.positions = positions;
  }

  /** A problem with one field: where (JSON Pointer), and on which line of a CSV file. */
  record Problem(Integer line, String pointer, String message) {
    /** The message in the caller's language: each is written "italiano / English". */
    Map<String, Object> asMap(java.util.Locale locale) {
      Map<String, Object> map = new LinkedHashMap<>();
      if (line != null) {
        map.put("line", line);
      }
      map.put("pointer", pointer);
      int split = message.indexOf(" / ");
      map.put("message", split < 0 ? message
          : "en".equals(locale.getLanguage()) ? message.substring(split + 3) : message.substring(0, split));
      return map;
    }
  }

  /**
   * The positions a document asks for, or nothing and the problems found.
   *
   * @param line the CSV line the document was read from, if any
   * @param seenReferences outside references met so far in the same request, to refuse repeats within a file
   */
  List<NewPosition> read(TenantId tenant, JsonNode doc, String createdBy, Integer line, Set<String> seenReferences,
                         List<Problem> problems) {
    int before = problems.size();
    FiscalCode payer = fiscalCode(doc, "payerFiscalCode", true, line, problems);
    FiscalCode beneficiary = fiscalCode(doc, "beneficiaryFiscalCode", false, line, problems);
    String payerName = text(doc, "payerName", 0, 200, line, problems);
    String description = text(doc, "description", 1, MAX_DESCRIPTION, line, problems);
    Long amount = amount(doc.get("amountCents"), "/amountCents", line, problems);
    LocalDate due = date(doc, "dueDate", true, line, problems);
    LocalDate validUntil = date(doc, "validUntil", false, line, problems);
    if (due != null && validUntil != null && validUntil.isBefore(due)) {
      problems.add(new Problem(line, "/validUntil", "non può precedere la scadenza / cannot be before dueDate"));
    }
    String categoryCode = text(doc, "category", 1, 20, line, problems);
    PaymentCategory category = categoryCode == null ? null : PaymentCategory.fromCode(categoryCode).orElse(null);
    if (categoryCode != null && category == null) {
      problems.add(new Problem(line, "/category", "categoria sconosciuta: " + categoryCode + " / unknown category: " + categoryCode));
    }
    String reference = text(doc, "externalReference", 0, 100, line, problems);
    if (reference != null) {
      if (!REFERENCE.matcher(reference).matches()) {
        problems.add(new Problem(line, "/externalReference", "solo caratteri ASCII stampabili / printable ASCII"));
      } else if (!seenReferences.add(reference) || positions.referenceTaken(tenant, reference)) {
        problems.add(new Problem(line, "/externalReference", "riferimento già usato / reference already used"));
      }
    }
    List<long[]> plan = instalments(doc.get("instalments"), amount, due, line, problems);
    if (problems.size() > before) {
      return List.of();
    }
    if (plan.isEmpty()) {
      return List.of(new NewPosition(tenant, payer, payerName, beneficiary, null, amount, due, validUntil,
          description, category, DebtPosition.Origin.IMPORT, null, null, null, null, null, null, reference,
          createdBy));
    }
    UUID planId = UUID.randomUUID();
    List<NewPosition> instalments = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      LocalDate instalmentDue = LocalDate.ofEpochDay(plan.get(i)[1]);
      instalments.add(new NewPosition(tenant, payer, payerName, beneficiary, null, plan.get(i)[0], instalmentDue,
          validUntil == null || validUntil.isBefore(instalmentDue) ? null : validUntil, description, category,
          DebtPosition.Origin.IMPORT, null, null, null, planId, i + 1, plan.size(),
          reference == null ? null : reference + "/" + (i + 1), createdBy));
    }
    return instalments;
  }

  /** Instalments as (amount, due day) pairs; they add up to the amount and fall due one after another. */
  private List<long[]> instalments(JsonNode node, Long total, LocalDate due, Integer line, List<Problem> problems) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray() || node.size() < 2 || node.size() > 12) {
      problems.add(new Problem(line, "/instalments", "da 2 a 12 rate / 2 to 12 instalments"));
      return List.of();
    }
    List<long[]> plan = new ArrayList<>();
    long sum = 0;
    LocalDate previous = null;
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      Long amount = amount(item.get("amountCents"), "/instalments/" + i + "/amountCents", line, problems);
      LocalDate day = date(item, "dueDate", true, line, problems, "/instalments/" + i + "/dueDate");
      if (amount == null || day == null) {
        continue;
      }
      if (previous != null && !day.isAfter(previous)) {
        problems.add(new Problem(line, "/instalments/" + i + "/dueDate",
            "le rate scadono una dopo l'altra / instalments fall due one after another"));
      }
      previous = day;
      sum += amount;
      plan.add(new long[] {amount, day.toEpochDay()});
    }
    if (total != null && plan.size() == node.size() && sum != total) {
      problems.add(new Problem(line, "/instalments", "la somma delle rate (" + sum + ") non è l'importo (" + total
          + ") / the instalments (" + sum + ") do not add up to amountCents (" + total + ")"));
    }
    if (due != null && previous != null && !previous.equals(due)) {
      problems.add(new Problem(line, "/dueDate", "è la scadenza dell'ultima rata / must be the last instalment's"));
    }
    return plan;
  }

  private static Long amount(JsonNode node, String pointer, Integer line, List<Problem> problems) {
    Long cents = Cents.of(node);
    if (cents == null || cents > MAX_CENTS) {
      problems.add(new Problem(line, pointer, "un numero intero positivo di centesimi / a whole positive number of "
          + "cents"));
      return null;
    }
    return cents;
  }

  private static FiscalCode fiscalCode(JsonNode doc, String field, boolean required, Integer line,
                                       List<Problem> problems) {
    String raw = text(doc, field, required ? 1 : 0, 16, line, problems);
    if (raw == null) {
      return null;
    }
    if (!FiscalCode.isValid(raw)) {
      problems.add(new Problem(line, "/" + field, "codice fiscale non valido / invalid fiscal code"));
      return null;
    }
    return FiscalCode.of(raw);
  }

  private static LocalDate date(JsonNode doc, String field, boolean required, Integer line, List<Problem> problems) {
    return date(doc, field, required, line, problems, "/" + field);
  }

  private static LocalDate date(JsonNode doc, String field, boolean required, Integer line, List<Problem> problems,
                                String pointer) {
    JsonNode node = doc.get(field);
    if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
      if (required) {
        problems.add(new Problem(line, pointer, "obbligatorio / required"));
      }
      return null;
    }
    if (!node.isString()) {
      problems.add(new Problem(line, pointer, "data AAAA-MM-GG / date YYYY-MM-DD"));
      return null;
    }
    try {
      return LocalDate.parse(node.asString().strip());
    } catch (DateTimeParseException e) {
      problems.add(new Problem(line, pointer, "data AAAA-MM-GG / date YYYY-MM-DD"));
      return null;
    }
  }

  private static String text(JsonNode doc, String field, int min, int max, Integer line, List<Problem> problems) {
    JsonNode node = doc.get(field);
    if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
      if (min > 0) {
        problems.add(new Problem(line, "/" + field, "obbligatorio / required"));
      }
      return null;
    }
    if (!node.isString()) {
      problems.add(new Problem(line, "/" + field, "testo / text"));
      return null;
    }
    String value = node.asString().strip();
    if (value.length() > max) {
      problems.add(new Problem(line, "/" + field, "al massimo " + max + " caratteri / at most " + max + " characters"));
      return null;
    }
    return value;
  }

  /** A fresh set for the references of one request. */
  static Set<String> references() {
    return new HashSet<>();
  }
}
