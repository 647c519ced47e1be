package it.piazza.catalog.internal;

import it.piazza.catalog.FieldError;
import it.piazza.catalog.FormField;
import it.piazza.catalog.FormField.Kind;
import it.piazza.catalog.FormField.Option;
import it.piazza.catalog.Forms;
import it.piazza.catalog.ServiceDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Draws and reads service forms in pages. The meta-schema (catalog/service-definition.schema.json) limits forms to
 * what is handled here: top-level fields, one level of nested objects, arrays of enums and arrays of flat objects.
 */
@Component
class ServiceForms implements Forms {

  private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final Pattern ROW = Pattern.compile("([a-zA-Z0-9]+)/(\\d+)/([a-zA-Z0-9]+)");

  private final MessageSource messages;
  private final JsonMapper json;

  ServiceForms(MessageSource messages, JsonMapper json) {
    this.messages = messages;
    this.json = json;
  }

  // ---- drawing -------------------------------------------------------------------------------------------------

  @Override
  public List<FormField> fields(ServiceDefinition service, JsonNode data, List<FieldError> errors, Locale locale) {
    Map<String, String> byName = new LinkedHashMap<>();
    JsonNode values = data == null ? json.createObjectNode() : data;
    for (FieldError error : errors) {
      String name = error.pointer().startsWith("/") ? error.pointer().substring(1) : error.pointer();
      byName.putIfAbsent(name, friendly(service, name, values, error, locale));
    }
    return draw(service, values, byName, locale, false);
  }

  @Override
  public List<FieldError> unplaced(ServiceDefinition service, List<FieldError> errors) {
    Set<String> names = new HashSet<>();
    collectNames(draw(service, json.createObjectNode(), Map.of(), Locale.ITALIAN, false), names);
    return errors.stream().filter(e -> {
      String name = e.pointer().startsWith("/") ? e.pointer().substring(1) : e.pointer();
      Matcher row = ROW.matcher(name);
      return !(names.contains(name) || row.matches() && names.contains(row.group(1) + "/__i__/" + row.group(3))
          || name.matches("[a-zA-Z0-9]+/\\d+") && names.contains(name.substring(0, name.indexOf('/'))));
    }).toList();
  }

  @Override
  public List<FormField> display(ServiceDefinition service, JsonNode data, Locale locale) {
    return draw(service, data == null ? json.createObjectNode() : data, Map.of(), locale, true);
  }

  private List<FormField> draw(ServiceDefinition service, JsonNode data, Map<String, String> errors, Locale locale,
                               boolean reading) {
    JsonNode properties = service.form().path("properties");
    Set<String> required = required(service.form());
    List<FormField> fields = new ArrayList<>();
    for (String name : order(service)) {
      JsonNode schema = properties.path(name);
      if (schema.isMissingNode() || reading && !data.has(name)) {
        continue;
      }
      JsonNode ui = ui(service, name);
      JsonNode showIf = ui.path("showIf");
      String showField = showIf.isObject() ? showIf.path("field").asString() : null;
      String showValue = showIf.isObject() ? text(showIf.path("equals")) : null;
      String type = schema.path("type").asString();
      if (type.equals("object")) {
        List<FormField> children = new ArrayList<>();
        Set<String> inner = required(schema);
        for (String child : names(schema.path("properties"))) {
          if (!reading || data.path(name).has(child)) {
            children.add(scalar(service, name + "/" + child, name + "/" + child, schema.path("properties").path(child),
                data.path(name).path(child), inner.contains(child), errors, locale, null, null));
          }
        }
        fields.add(container(name, Kind.GROUP, service, ui, locale, required.contains(name), errors, showField,
            showValue, children, List.of(), List.of()));
      } else if (type.equals("array") && schema.path("items").path("type").asString().equals("object")) {
        JsonNode items = schema.path("items");
        Set<String> inner = required(items);
        List<List<FormField>> rows = new ArrayList<>();
        JsonNode given = data.path(name);
        int count = given.isArray() ? given.size() : 0;
        for (int i = 0; i < Math.max(count, reading ? 0 : 1); i++) {
          rows.add(row(service, name, String.valueOf(i), items, given.path(i), inner, errors, locale, reading));
        }
        fields.add(container(name, Kind.ROWS, service, ui, locale, required.contains(name), errors, showField,
            showValue, List.of(), rows, row(service, name, "__i__", items, json.missingNode(), inner, Map.of(), locale,
                false)));
      } else {
        fields.add(scalar(service, name, name, schema, data.path(name), required.contains(name), errors, locale,
            showField, showValue));
      }
    }
    return fields;
  }

  private List<FormField> row(ServiceDefinition service, String array, String index, JsonNode items, JsonNode row,
                              Set<String> required, Map<String, String> errors, Locale locale, boolean reading) {
    List<FormField> fields = new ArrayList<>();
    for (String child : names(items.path("properties"))) {
      if (!reading || row.has(child)) {
        fields.add(scalar(service, array + "/" + child, array + "/" + index + "/" + child,
            items.path("properties").path(child), row.path(child), required.contains(child), errors, locale, null,
            null));
      }
    }
    return fields;
  }

  private FormField container(String name, Kind kind, ServiceDefinition service, JsonNode ui, Locale locale,
                              boolean required, Map<String, String> errors, String showField, String showValue,
                              List<FormField> children, List<List<FormField>> rows, List<FormField> template) {
    return new FormField(name, id(name), kind, label(ui, name, locale), localized(ui.path("help"), locale), required,
        List.of(), null, List.of(), errors.get(name), showField, showValue, children, rows, template, null, null, null,
        null);
  }

  private FormField scalar(ServiceDefinition service, String uiKey, String name, JsonNode schema, JsonNode value,
                           boolean required, Map<String, String> errors, Locale locale, String showField,
                           String showValue) {
    JsonNode ui = ui(service, uiKey);
    Kind kind = kind(schema, ui);
    List<Option> options = new ArrayList<>();
    JsonNode enumeration = kind == Kind.CHOICES ? schema.path("items").path("enum") : schema.path("enum");
    Set<String> chosen = new TreeSet<>();
    if (value.isArray()) {
      value.forEach(v -> chosen.add(text(v)));
    } else if (!value.isMissingNode() && !value.isNull()) {
      chosen.add(text(value));
    }
    for (JsonNode option : enumeration) {
      String v = option.asString();
      String label = ui.path("options").has(v) ? localized(ui.path("options").path(v), locale) : v;
      options.add(new Option(v, label, chosen.contains(v)));
    }
    String raw = value.isMissingNode() || value.isNull() || value.isArray() ? null : text(value);
    String input = kind == Kind.MONEY && value.isIntegralNumber() ? euros(value.asLong(), false) : raw;
    String display = display(kind, value, raw, options, locale);
    Integer maxLength = schema.has("maxLength") ? schema.path("maxLength").asInt() : null;
    String min = schema.has("minimum") ? schema.path("minimum").asString() : null;
    String max = schema.has("maximum") ? schema.path("maximum").asString() : null;
    return new FormField(name, id(name), kind, label(ui, uiKey, locale), localized(ui.path("help"), locale), required,
        options, input, List.copyOf(chosen), errors.get(name), showField, showValue, List.of(), List.of(), List.of(),
        maxLength, min, max, display);
  }

  private String display(Kind kind, JsonNode value, String raw, List<Option> options, Locale locale) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    return switch (kind) {
      case CHECKBOX -> messages.getMessage(value.asBoolean() ? "form.yes" : "form.no", null, locale);
      case SELECT, RADIO, CHOICES -> String.join(", ", options.stream().filter(Option::selected).map(Option::label)
          .toList());
      case MONEY -> value.isIntegralNumber() ? euros(value.asLong(), true) : raw;
      case DATE -> {
        try {
          yield LocalDate.parse(raw).format(ITALIAN_DATE);
        } catch (DateTimeParseException e) {
          yield raw;
        }
      }
      default -> raw;
    };
  }

  static Kind kind(JsonNode schema, JsonNode ui) {
    String widget = ui.path("widget").asString("");
    String type = schema.path("type").asString();
    if (type.equals("array")) {
      return Kind.CHOICES;
    }
    if (type.equals("boolean")) {
      return Kind.CHECKBOX;
    }
    return switch (widget) {
      case "textarea" -> Kind.TEXTAREA;
      case "date" -> Kind.DATE;
      case "number" -> Kind.NUMBER;
      case "money-cents" -> Kind.MONEY;
      case "email" -> Kind.EMAIL;
      case "tel" -> Kind.TEL;
      case "fiscal-code" -> Kind.FISCAL_CODE;
      case "iban" -> Kind.IBAN;
      case "radio" -> Kind.RADIO;
      case "select" -> Kind.SELECT;
      default -> {
        if (schema.has("enum")) {
          yield Kind.SELECT;
        }
        if (type.equals("integer") || type.equals("number")) {
          yield Kind.NUMBER;
        }
        String format = schema.path("format").asString("");
        yield format.equals("date") ? Kind.DATE : format.equals("email") ? Kind.EMAIL : Kind.TEXT;
      }
    };
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  @Override
  public ObjectNode read(ServiceDefinition service, Map<String, List<String>> posted) {
    ObjectNode data = json.createObjectNode();
    JsonNode properties = service.form().path("properties");
    Set<String> required = required(service.form());
    for (String name : order(service)) {
      JsonNode schema = properties.path(name);
      String type = schema.path("type").asString();
      if (type.equals("object")) {
        ObjectNode object = json.createObjectNode();
        for (String child : names(schema.path("properties"))) {
          put(object, child, schema.path("properties").path(child), ui(service, name + "/" + child),
              posted.get(name + "/" + child));
        }
        if (!object.isEmpty() || required.contains(name)) {
          data.set(name, object);
        }
      } else if (type.equals("array") && schema.path("items").path("type").asString().equals("object")) {
        ArrayNode rows = json.createArrayNode();
        for (int index : rowIndexes(name, posted)) {
          ObjectNode row = json.createObjectNode();
          for (String child : names(schema.path("items").path("properties"))) {
            put(row, child, schema.path("items").path("properties").path(child), ui(service, name + "/" + child),
                posted.get(name + "/" + index + "/" + child));
          }
          if (!row.isEmpty()) {
            rows.add(row);
          }
        }
        if (!rows.isEmpty() || required.contains(name)) {
          data.set(name, rows);
        }
      } else if (type.equals("array")) {
        ArrayNode chosen = json.createArrayNode();
        posted.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).distinct().forEach(chosen::add);
        if (!chosen.isEmpty() || required.contains(name)) {
          data.set(name, chosen);
        }
      } else {
        put(data, name, schema, ui(service, name), posted.get(name));
      }
    }
    // A field shown only under a condition is not sent when the condition does not hold (the form's
    // allOf/else forbids it), whatever the page posted.
    for (String name : order(service)) {
      JsonNode showIf = ui(service, name).path("showIf");
      if (showIf.isObject() && !showIf.path("equals").equals(data.path(showIf.path("field").asString()))) {
        data.remove(name);
      }
    }
    return data;
  }

  private void put(ObjectNode target, String name, JsonNode schema, JsonNode ui, List<String> posted) {
    String type = schema.path("type").asString();
    if (type.equals("boolean")) {
      // A checkbox posts nothing when unticked: unticked is "no".
      target.put(name, posted != null && posted.stream().anyMatch(v -> v.equals("true") || v.equals("on")));
      return;
    }
    String raw = posted == null || posted.isEmpty() ? "" : posted.getLast().strip();
    if (raw.isEmpty()) {
      return;
    }
    Kind kind = kind(schema, ui);
    if (kind == Kind.FISCAL_CODE || kind == Kind.IBAN) {
      raw = raw.replace(" ", "").toUpperCase(Locale.ROOT);
    }
    try {
      if (kind == Kind.MONEY) {
        target.put(name, cents(raw));
      } else if (type.equals("integer")) {
        target.put(name, Long.parseLong(raw.replace(".", "")));
      } else if (type.equals("number")) {
        target.put(name, new BigDecimal(raw.replace(',', '.')));
      } else {
        target.put(name, raw);
      }
    } catch (NumberFormatException | ArithmeticException notANumber) {
      target.put(name, raw);
    }
  }

  /** Euros as a person writes them ("18.500,50", "18500", "18500.5") to cents. */
  static long cents(String raw) {
    String amount = raw.replace("€", "").replace(" ", "");
    if (amount.contains(",")) {
      amount = amount.replace(".", "").replace(',', '.');
    }
    return new BigDecimal(amount).movePointRight(2).longValueExact();
  }

  static String euros(long cents, boolean withSymbol) {
    BigDecimal amount = BigDecimal.valueOf(cents, 2);
    if (!withSymbol) {
      return amount.toPlainString().replace('.', ',');
    }
    var format = java.text.NumberFormat.getCurrencyInstance(Locale.ITALY);
    return format.format(amount);
  }

  private static List<Integer> rowIndexes(String array, Map<String, List<String>> posted) {
    Set<Integer> indexes = new TreeSet<>();
    for (String key : posted.keySet()) {
      Matcher row = ROW.matcher(key);
      if (row.matches() && row.group(1).equals(array) && row.group(2).length() < 4) {
        indexes.add(Integer.parseInt(row.group(2)));
      }
    }
    return List.copyOf(indexes);
  }

  // ---- errors in words a person understands ------------------------------------------------------------------

  private String friendly(ServiceDefinition service, String name, JsonNode data, FieldError error, Locale locale) {
    String[] parts = name.split("/");
    JsonNode schema = service.form().path("properties").path(parts[0]);
    String uiKey = parts[0];
    if (parts.length == 2 && schema.path("type").asString().equals("object")) {
      schema = schema.path("properties").path(parts[1]);
      uiKey = name;
    } else if (parts.length == 3) {
      schema = schema.path("items").path("properties").path(parts[2]);
      uiKey = parts[0] + "/" + parts[2];
    } else if (parts.length != 1) {
      return error.message();
    }
    JsonNode value = data.at("/" + name);
    Kind kind = kind(schema, ui(service, uiKey));
    if (value.isMissingNode() || value.isNull()) {
      return message("form.error.required", locale);
    }
    if (schema.path("const").asBoolean(false) && !value.asBoolean(true)) {
      return message("form.error.confirm", locale);
    }
    if (schema.path("type").asString().equals("array")) {
      return schema.has("minItems") && value.size() < schema.path("minItems").asInt()
          ? message("form.error.choose", locale, schema.path("minItems").asInt()) : error.message();
    }
    if (schema.has("enum")) {
      return message("form.error.choice", locale);
    }
    String type = schema.path("type").asString();
    if ((type.equals("integer") || type.equals("number")) && !value.isNumber()) {
      return message(kind == Kind.MONEY ? "form.error.money" : "form.error.number", locale);
    }
    if (value.isNumber() && (schema.has("minimum") || schema.has("maximum"))) {
      return kind == Kind.MONEY
          ? message("form.error.range", locale, euros(schema.path("minimum").asLong(0), true),
              euros(schema.path("maximum").asLong(Long.MAX_VALUE / 1000), true))
          : message("form.error.range", locale, schema.path("minimum").asString("—"),
              schema.path("maximum").asString("—"));
    }
    return switch (kind) {
      case FISCAL_CODE -> message("form.error.fiscalCode", locale);
      case IBAN -> message("form.error.iban", locale);
      case DATE -> message("form.error.date", locale);
      case EMAIL -> message("form.error.email", locale);
      default -> schema.has("maxLength") && value.asString("").length() > schema.path("maxLength").asInt()
          ? message("form.error.maxLength", locale, schema.path("maxLength").asInt())
          : schema.has("pattern") ? message("form.error.pattern", locale) : error.message();
    };
  }

  private String message(String code, Locale locale, Object... args) {
    return messages.getMessage(code, args, locale);
  }

  // ---- the form's definition ---------------------------------------------------------------------------------

  private static List<String> order(ServiceDefinition service) {
    List<String> order = new ArrayList<>();
    service.ui().path("order").forEach(n -> order.add(n.asString()));
    names(service.form().path("properties")).stream().filter(n -> !order.contains(n)).forEach(order::add);
    return order;
  }

  /** Required fields, including those the form requires only under a condition (shown only under it). */
  private static Set<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(n -> required.add(n.asString()));
    schema.path("allOf").forEach(c -> c.path("then").path("required").forEach(n -> required.add(n.asString())));
    return required;
  }

  private static List<String> names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.propertyNames().forEach(names::add);
    return names;
  }

  private static JsonNode ui(ServiceDefinition service, String key) {
    return service.ui().path("fields").path(key);
  }

  private static String label(JsonNode ui, String fallback, Locale locale) {
    String label = localized(ui.path("label"), locale);
    return label == null ? fallback : label;
  }

  private static String localized(JsonNode text, Locale locale) {
    if (!text.isObject()) {
      return null;
    }
    String en = text.path("en").asString("");
    return "en".equals(locale.getLanguage()) && !en.isBlank() ? en : text.path("it").asString(null);
  }

  private static String text(JsonNode value) {
    return value.isString() ? value.asString() : value.toString();
  }

  private static String id(String name) {
    return "f-" + name.replace('/', '-');
  }

  private static void collectNames(List<FormField> fields, Set<String> names) {
    for (FormField field : fields) {
      names.add(field.name());
      collectNames(field.children(), names);
      field.rows().forEach(row -> collectNames(row, names));
      collectNames(field.rowTemplate(), names);
    }
  }
}
