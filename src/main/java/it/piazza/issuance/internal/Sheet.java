package it.piazza.issuance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an issued document says, before it is laid out: the issuing comune, a title, then blocks in reading order.
 * The document templates (certificates, decisions, daily registers) build sheets; {@link PdfAWriter} lays them out.
 *
 * @param verifyUrl the address printed in the QR code: {@code {public base URL}/verify/{code}}
 */
record Sheet(String issuer, String office, String title, List<Block> blocks, String verificationCode,
             String verifyUrl, Instant issuedAt) {

  Sheet {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(title, "title");
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(verificationCode, "verification code");
    Objects.requireNonNull(verifyUrl, "verify URL");
    Objects.requireNonNull(issuedAt, "issued at");
  }

  sealed interface Block permits Heading, Paragraph, Facts, Table, Note {}

  record Heading(String text) implements Block {}

  record Paragraph(String text) implements Block {}

  /** Label and value pairs, one per line. */
  record Facts(List<String[]> rows) implements Block {}

  /** A table with relative column widths (they need not add up to anything). */
  record Table(List<String> headers, float[] widths, List<List<String>> rows) implements Block {}

  /** Smaller print: legal notes, stamp duty. */
  record Note(String text) implements Block {}

  /** Builds a sheet block by block. */
  static final class Builder {
    private final List<Block> blocks = new ArrayList<>();

    Builder heading(String text) {
      blocks.add(new Heading(text));
      return this;
    }

    Builder paragraph(String text) {
      blocks.add(new Paragraph(text));
      return this;
    }

    Builder facts(List<String[]> rows) {
      blocks.add(new Facts(List.copyOf(rows)));
      return this;
    }

    Builder table(List<String> headers, float[] widths, List<List<String>> rows) {
      blocks.add(new Table(List.copyOf(headers), widths.clone(), List.copyOf(rows)));
      return this;
    }

    Builder note(String text) {
      blocks.add(new Note(text));
      return this;
    }

    List<Block> blocks() {
      return List.copyOf(blocks);
    }
  }
}
