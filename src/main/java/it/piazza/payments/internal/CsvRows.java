package it.piazza.payments.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: a header line, then records; fields separated by ';' (as Italian spreadsheets save
 * them) or ',' (whichever the header uses), optionally quoted, quotes doubled inside quotes, CRLF or LF. Each record
 * keeps the line it starts on, so problems can name it.
 */
final class CsvRows {

  record Row(int line, List<String> fields) {}

  /** Thrown for text that is not CSV at all (an unterminated quote). */
  static final class Malformed extends RuntimeException {
    final int line;

    Malformed(int line) {
      super("Unterminated quoted field starting on line " + line);
      this.line = line;
    }
  }

  private CsvRows() {}

  static List<Row> parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel writes a byte order mark
    int firstBreak = body.indexOf('\n');
    String header = firstBreak < 0 ? body : body.substring(0, firstBreak);
    char separator = header.indexOf(';') >= 0 ? ';' : ',';
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowStart = 1;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
        any = true;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || !field.isEmpty()) {
          fields.add(field.toString());
          rows.add(new Row(rowStart, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        any = false;
        line++;
        rowStart = line;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new Malformed(rowStart);
    }
    if (any || !field.isEmpty()) {
      fields.add(field.toString());
      rows.add(new Row(rowStart, List.copyOf(fields)));
    }
    return rows;
  }
}
