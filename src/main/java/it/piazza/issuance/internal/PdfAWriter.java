package it.piazza.issuance.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.springframework.stereotype.Component;

/**
 * Lays a {@link Sheet} out as PDF/A-2b (ISO 19005-2, level B): every font embedded (Liberation Sans, SIL Open Font
 * Licence, shipped in a Maven Central jar so that no system font is needed), XMP metadata declaring part 2
 * conformance B and mirroring the document information, an sRGB output intent, only RGB colours, no transparency.
 * The last page carries the QR code to the verification page, the code in clear and the seal mark — drawn as page
 * content, so the signature field itself stays invisible and cannot break PDF/A.
 */
@Component
class PdfAWriter {

  private static final float MARGIN = 56;
  private static final float BOTTOM = 64;
  private static final float QR_SIZE = 96;
  private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
  private static final Color ACCENT = new Color(0x00, 0x66, 0xCC);
  private static final Color MUTED = new Color(0x5C, 0x6F, 0x82);
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ITALY);

  private final byte[] regularFont;
  private final byte[] boldFont;
  private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  PdfAWriter() {
    this.regularFont = resource("liberation/LiberationSans-Regular.ttf");
    this.boldFont = resource("liberation/LiberationSans-Bold.ttf");
  }

  byte[] write(Sheet sheet) {
    try (TrueTypeFont regularGlyphs = font(regularFont); TrueTypeFont boldGlyphs = font(boldFont);
         PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDFont regular = PDType0Font.load(document, regularGlyphs, true);
      PDFont bold = PDType0Font.load(document, boldGlyphs, true);
      describe(document, sheet);
      Layout layout = new Layout(document, regular, bold, sheet);
      layout.run();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the PDF of " + sheet.title(), e);
    }
  }

  /**
   * A font parsed for one document (a {@code TrueTypeFont} reads its tables lazily and is not safe to share between
   * threads), closed after the document. Without glyph substitution: for Latin text GSUB only adds ligatures, and
   * PDFBox rebuilds a regular expression of them for every line shown, which was half the time of issuing a
   * decision in the benchmark's profile (docs/benchmarks.md).
   */
  private static TrueTypeFont font(byte[] ttf) throws IOException {
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    font.setEnableGsub(false);
    return font;
  }

  /** Document information, the same facts as XMP (PDF/A-2 6.6.2.3.1), and the sRGB output intent (6.2.3). */
  private void describe(PDDocument document, Sheet sheet) throws IOException {
    Calendar created = GregorianCalendar.from(sheet.issuedAt().atZone(ZoneOffset.UTC).withNano(0));
    created.setTimeZone(TimeZone.getTimeZone("UTC"));
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(sheet.title());
    info.setAuthor(sheet.issuer());
    info.setProducer("Piazza");
    info.setCreationDate(created);
    String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(sheet.issuedAt().atOffset(ZoneOffset.UTC)
        .withNano(0));
    String xmp = """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
           <pdfaid:part>2</pdfaid:part>
           <pdfaid:conformance>B</pdfaid:conformance>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
           <dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
           <xmp:CreateDate>%s</xmp:CreateDate>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
           <pdf:Producer>Piazza</pdf:Producer>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>""".formatted(xml(sheet.title()), xml(sheet.issuer()), date);
    PDMetadata metadata = new PDMetadata(document);
    metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
    document.getDocumentCatalog().setMetadata(metadata);
    PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    document.getDocumentCatalog().addOutputIntent(intent);
    document.getDocumentCatalog().setLanguage("it-IT");
    document.getDocumentCatalog().getCOSObject().setItem(COSName.VERSION, COSName.getPDFName("1.7"));
  }

  /** A flowing layout: blocks top to bottom, a new page when one is full, the seal mark at the end. */
  private final class Layout {
    private final PDDocument document;
    private final PDFont regular;
    private final PDFont bold;
    private final Sheet sheet;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

    Layout(PDDocument document, PDFont regular, PDFont bold, Sheet sheet) {
      this.document = document;
      this.regular = regular;
      this.bold = bold;
      this.sheet = sheet;
    }

    void run() throws IOException {
      newPage();
      text(bold, 15, ACCENT, MARGIN, sheet.issuer());
      if (sheet.office() != null) {
        text(regular, 10, MUTED, MARGIN, sheet.office());
      }
      y -= 14;
      for (String line : wrap(bold, 14, sheet.title(), width)) {
        text(bold, 14, INK, MARGIN, line);
      }
      y -= 8;
      for (Sheet.Block block : sheet.blocks()) {
        switch (block) {
          case Sheet.Heading h -> {
            need(40);
            y -= 6;
            text(bold, 11.5f, INK, MARGIN, h.text());
          }
          case Sheet.Paragraph p -> {
            paragraph(regular, 10.5f, INK, p.text());
            y -= 6;
          }
          case Sheet.Note n -> {
            paragraph(regular, 8.5f, MUTED, n.text());
            y -= 4;
          }
          case Sheet.Facts f -> facts(f);
          case Sheet.Table t -> table(t);
        }
      }
      sealMark();
      content.close();
      numberPages();
    }

    private void sealMark() throws IOException {
      float blockHeight = QR_SIZE + 16;
      need(blockHeight + 12);
      y -= 12;
      float top = y;
      content.setStrokingColor(MUTED);
      content.setLineWidth(0.6f);
      content.addRect(MARGIN, top - blockHeight, width, blockHeight);
      content.stroke();
      drawQr(sheet.verifyUrl(), MARGIN + width - QR_SIZE - 8, top - QR_SIZE - 8, QR_SIZE);
      float textWidth = width - QR_SIZE - 28;
      y = top - 10;
      text(bold, 10, INK, MARGIN + 10, "Documento sigillato elettronicamente");
      for (String line : wrap(regular, 8.5f, "Sigillo elettronico (PAdES) di " + sheet.issuer() + ", apposto il "
          + WHEN.format(sheet.issuedAt()) + ". Verifica l'autenticità e l'integrità di questo documento "
          + "inquadrando il codice QR o su " + verifyBase() + " con il codice:", textWidth)) {
        text(regular, 8.5f, INK, MARGIN + 10, line);
      }
      y -= 4;
      text(bold, 13, INK, MARGIN + 10, sheet.verificationCode());
      y = top - blockHeight - 6;
    }

    private String verifyBase() {
      String url = sheet.verifyUrl();
      return url.substring(0, url.lastIndexOf('/'));
    }

    private void drawQr(String payload, float x, float yBottom, float size) throws IOException {
      BitMatrix matrix = qr(payload);
      float module = size / matrix.getWidth();
      content.setNonStrokingColor(Color.WHITE);
      content.addRect(x, yBottom, size, size);
      content.fill();
      content.setNonStrokingColor(Color.BLACK);
      for (int row = 0; row < matrix.getHeight(); row++) {
        for (int col = 0; col < matrix.getWidth(); col++) {
          if (matrix.get(col, row)) {
            content.addRect(x + col * module, yBottom + size - (row + 1) * module, module, module);
          }
        }
      }
      content.fill();
    }

    private void facts(Sheet.Facts facts) throws IOException {
      float labelWidth = width * 0.34f;
      for (String[] row : facts.rows()) {
        List<String> values = wrap(regular, 10.5f, row[1] == null ? "" : row[1], width - labelWidth);
        List<String> labels = wrap(bold, 10, row[0], labelWidth - 8);
        need(14 * Math.max(values.size(), labels.size()) + 2);
        float start = y;
        for (String label : labels) {
          text(bold, 10, MUTED, MARGIN, label);
        }
        float afterLabels = y;
        y = start;
        for (String value : values) {
          text(regular, 10.5f, INK, MARGIN + labelWidth, value);
        }
        y = Math.min(y, afterLabels) - 2;
      }
      y -= 6;
    }

    private void table(Sheet.Table table) throws IOException {
      float total = 0;
      for (float w : table.widths()) {
        total += w;
      }
      float[] columns = new float[table.widths().length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = width * table.widths()[i] / total;
      }
      row(table.headers(), columns, bold, true);
      for (List<String> cells : table.rows()) {
        row(cells, columns, regular, false);
      }
      y -= 6;
    }

    private void row(List<String> cells, float[] columns, PDFont font, boolean header) throws IOException {
      float size = 8;
      List<List<String>> wrapped = new ArrayList<>();
      int lines = 1;
      for (int i = 0; i < columns.length; i++) {
        List<String> cell = wrap(font, size, i < cells.size() && cells.get(i) != null ? cells.get(i) : "",
            columns[i] - 4);
        wrapped.add(cell);
        lines = Math.max(lines, cell.size());
      }
      float height = lines * size * 1.35f + 4;
      need(height + 2);
      float top = y;
      float x = MARGIN;
      for (int i = 0; i < columns.length; i++) {
        y = top - 2;
        for (String line : wrapped.get(i)) {
          text(font, size, header ? MUTED : INK, x + 1, line);
        }
        x += columns[i];
      }
      y = top - height;
      content.setStrokingColor(MUTED);
      content.setLineWidth(header ? 0.8f : 0.3f);
      content.moveTo(MARGIN, y + 1);
      content.lineTo(MARGIN + width, y + 1);
      content.stroke();
    }

    private void paragraph(PDFont font, float size, Color color, String text) throws IOException {
      for (String paragraph : text.split("\n")) {
        for (String line : wrap(font, size, paragraph, width)) {
          need(size * 1.4f);
          text(font, size, color, MARGIN, line);
        }
      }
    }

    private void text(PDFont font, float size, Color color, float x, String line) throws IOException {
      y -= size * 1.4f;
      content.beginText();
      content.setFont(font, size);
      content.setNonStrokingColor(color);
      content.newLineAtOffset(x, y);
      content.showText(printable(font, line));
      content.endText();
    }

    private void need(float height) throws IOException {
      if (y - height < BOTTOM) {
        content.close();
        newPage();
      }
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      pages.add(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN + 14;
    }

    private void numberPages() throws IOException {
      for (int i = 0; i < pages.size(); i++) {
        try (PDPageContentStream footer = new PDPageContentStream(document, pages.get(i),
            PDPageContentStream.AppendMode.APPEND, true)) {
          String text = printable(regular, sheet.issuer() + " - codice di verifica " + sheet.verificationCode()
              + " - pagina " + (i + 1) + " di " + pages.size());
          footer.beginText();
          footer.setFont(regular, 7.5f);
          footer.setNonStrokingColor(MUTED);
          footer.newLineAtOffset(MARGIN, 36);
          footer.showText(text);
          footer.endText();
        }
      }
    }
  }

  /** Breaks text at spaces (and inside words longer than a line) so that each line fits {@code maxWidth}. */
  static List<String> wrap(PDFont font, float size, String text, float maxWidth) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : printable(font, text).split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, size, candidate) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(font, size, rest) > maxWidth && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    lines.add(line.toString());
    return lines;
  }

  private static float width(PDFont font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** Characters the font has no glyph for print as '?': a PDF/A font must carry every glyph it shows. */
  static String printable(PDFont font, String text) {
    StringBuilder out = new StringBuilder();
    String flat = text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    flat.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      try {
        font.encode(ch);
        out.append(ch);
      } catch (IOException | IllegalArgumentException notInFont) {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static BitMatrix qr(String payload) {
    try {
      return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
    } catch (WriterException e) {
      throw new IllegalStateException("Cannot encode the verification QR code", e);
    }
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] resource(String name) {
    try (InputStream in = PdfAWriter.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Font " + name + " missing: is openpdf-fonts-extra on the class path?");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
