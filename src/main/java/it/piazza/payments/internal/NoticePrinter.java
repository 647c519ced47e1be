package it.piazza.payments.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import it.piazza.tenancy.Tenant;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

/**
 * Prints the payment notice (avviso di pagamento) of a debt position: who is owed, who owes, how much, by when,
 * the notice number and IUV, and the QR code any pagoPA channel reads to pay it.
 */
@Component
class NoticePrinter {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final int MODULE_PIXELS = 8;

  /** pagoPA QR code string, version 002: notice number, creditor's fiscal code, amount in cents. */
  static String qrPayload(DebtPosition p) {
    return "PAGOPA|002|" + p.notice().value() + "|" + p.creditor().value() + "|" + p.amountCents();
  }

  byte[] print(DebtPosition p, Tenant creditor) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getDocumentInformation().setTitle("Avviso di pagamento " + p.notice().value());
      document.getDocumentInformation().setAuthor(creditor.name());
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDImageXObject qr = LosslessFactory.createFromImage(document, qrImage(qrPayload(p)));
      float top = page.getMediaBox().getHeight() - 60;
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        write(content, bold, 18, 50, top, List.of("AVVISO DI PAGAMENTO"));
        write(content, regular, 10, 50, top - 18, List.of("pagoPA - " + safe(regular, creditor.name())));
        List<String> lines = new ArrayList<>();
        lines.add("ENTE CREDITORE: " + creditor.name());
        lines.add("Codice fiscale ente creditore: " + p.creditor().value());
        lines.add("");
        lines.add("DESTINATARIO DELL'AVVISO: " + (p.payerName() == null ? "" : p.payerName()));
        lines.add("Codice fiscale: " + p.payer().value());
        if (p.beneficiary() != null && !p.beneficiary().equals(p.payer())) {
          lines.add("Per conto di: " + (p.beneficiaryName() == null ? "" : p.beneficiaryName()) + " ("
              + p.beneficiary().value() + ")");
        }
        lines.add("");
        lines.add("OGGETTO DEL PAGAMENTO: " + p.description());
        if (p.instalment() != null) {
          lines.add("Rata " + p.instalment() + " di " + p.instalments());
        }
        lines.add("");
        lines.add("IMPORTO: " + Money.format(p.amountCents()) + " euro");
        lines.add("ENTRO IL: " + DAY.format(p.dueDate()));
        if (p.validUntil() != null) {
          lines.add("Pagabile fino al: " + DAY.format(p.validUntil()));
        }
        lines.add("");
        lines.add("CODICE AVVISO: " + p.notice().grouped());
        lines.add("IUV: " + p.notice().iuv());
        lines.add("");
        lines.add("Dove pagare: con l'app IO, sul sito del Comune, nella tua banca, negli uffici postali,");
        lines.add("nei punti vendita abilitati e presso gli sportelli ATM, inquadrando il codice QR");
        lines.add("oppure inserendo il codice avviso e il codice fiscale dell'ente creditore.");
        write(content, regular, 11, 50, top - 60, lines.stream().flatMap(line -> wrap(line, 58).stream())
            .map(line -> safe(regular, line)).toList());
        content.drawImage(qr, 370, top - 250, 170, 170);
        write(content, regular, 8, 370, top - 262, List.of("Inquadra il codice QR per pagare"));
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot print notice " + p.notice(), e);
    }
  }

  private static void write(PDPageContentStream content, PDType1Font font, float size, float x, float y,
                            List<String> lines) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.setLeading(size * 1.45f);
    content.newLineAtOffset(x, y);
    for (String line : lines) {
      content.showText(line);
      content.newLine();
    }
    content.endText();
  }

  /** Breaks a long line at spaces so that it stays left of the QR code. */
  static List<String> wrap(String line, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ")) {
      if (!current.isEmpty() && current.length() + 1 + word.length() > width) {
        lines.add(current.toString());
        current.setLength(0);
        current.append("  ");
      }
      if (!current.isEmpty() && !current.toString().isBlank()) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  /** The standard fonts know WinAnsi only: anything else in names or descriptions prints as '?'. */
  private static String safe(PDType1Font font, String text) {
    StringBuilder printable = new StringBuilder();
    text.codePoints().forEach(cp -> {
      String ch = new String(Character.toChars(cp));
      try {
        font.encode(ch);
        printable.append(ch);
      } catch (IOException | IllegalArgumentException notInFont) {
        printable.append('?');
      }
    });
    return printable.toString();
  }

  private static BufferedImage qrImage(String payload) {
    try {
      BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
      BufferedImage image = new BufferedImage(matrix.getWidth() * MODULE_PIXELS, matrix.getHeight() * MODULE_PIXELS,
          BufferedImage.TYPE_BYTE_BINARY);
      for (int x = 0; x < image.getWidth(); x++) {
        for (int y = 0; y < image.getHeight(); y++) {
          image.setRGB(x, y, matrix.get(x / MODULE_PIXELS, y / MODULE_PIXELS) ? 0x000000 : 0xFFFFFF);
        }
      }
      return image;
    } catch (WriterException e) {
      throw new IllegalStateException("Cannot encode the notice QR code", e);
    }
  }
}
