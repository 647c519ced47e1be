package it.piazza.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's form in a page: the fields to draw (in the order, with the labels, help, widgets and conditions of
 * its UI hints), the application data read back from a posted page, and the data shown as labelled fields.
 */
public interface Forms {

  /**
   * The fields to fill in, with {@code data}'s values and the errors (by JSON Pointer) next to their fields; errors
   * that name no field are left to the caller (see {@link #unplaced}).
   */
  List<FormField> fields(ServiceDefinition service, JsonNode data, List<FieldError> errors, Locale locale);

  /** The errors of {@code errors} that belong to no field of the form, for the page's error summary. */
  List<FieldError> unplaced(ServiceDefinition service, List<FieldError> errors);

  /**
   * Application data from a posted page ({@code name → values}): typed as the schema says (numbers, booleans,
   * euros to cents), blank fields left out, fields hidden by their condition dropped. What cannot be read is kept
   * as text, so that validation names the field.
   */
  ObjectNode read(ServiceDefinition service, Map<String, List<String>> posted);

  /** The data as labelled fields, for reading (the citizen file, the office's case page). */
  List<FormField> display(ServiceDefinition service, JsonNode data, Locale locale);
}
