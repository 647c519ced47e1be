package it.piazza.catalog;

import java.util.List;

/**
 * One field of a service's form as a page shows it, from the form's JSON Schema and its UI hints: to fill in
 * ({@code value}, {@code error}) or to read ({@code display}).
 *
 * @param name the input's name: the field's path, {@code child/firstName}, {@code movingPeople/0/firstName}
 * @param id the element id, unique in the page
 * @param showIfField a condition on a top-level field (ui {@code showIf}): shown only while it holds
 * @param children the fields of a nested object
 * @param rows the rows of an array of objects, each a list of fields
 * @param rowTemplate the fields of a new, empty row, with {@code __i__} where the row's index goes
 * @param display the value for reading: option labels, yes or no, euros, dates as dd/MM/yyyy
 */
public record FormField(String name, String id, Kind kind, String label, String help, boolean required,
                        List<Option> options, String value, List<String> values, String error, String showIfField,
                        String showIfValue, List<FormField> children, List<List<FormField>> rows,
                        List<FormField> rowTemplate, Integer maxLength, String min, String max, String display) {

  /** How the field is entered. */
  public enum Kind {
    TEXT, TEXTAREA, DATE, NUMBER, MONEY, EMAIL, TEL, FISCAL_CODE, IBAN, SELECT, RADIO, CHECKBOX, CHOICES, GROUP, ROWS;

    public boolean scalarInput() {
      return switch (this) {
        case TEXT, DATE, NUMBER, MONEY, EMAIL, TEL, FISCAL_CODE, IBAN -> true;
        default -> false;
      };
    }
  }

  public record Option(String value, String label, boolean selected) {}

  public boolean hasValue() {
    return display != null && !display.isBlank() || children.stream().anyMatch(FormField::hasValue)
        || !rows.isEmpty();
  }

  /** Errors of this field and of the fields inside it. */
  public boolean hasErrors() {
    return error != null || children.stream().anyMatch(FormField::hasErrors)
        || rows.stream().flatMap(List::stream).anyMatch(FormField::hasErrors);
  }
}
