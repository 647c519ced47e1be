package it.piazza.payments.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import it.piazza.tenancy.Tenant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The App IO message that brings a payment notice to the payer's phone, shaped as the body of the IO API's
 * {@code POST /api/v1/messages}: {@code fiscal_code}, {@code feature_level_type} and {@code content} with
 * {@code subject} (10-120 characters), {@code markdown} (80-10,000), {@code due_date} and {@code payment_data}
 * (amount in cents, 18-digit notice number, {@code invalid_after_due_date}, {@code payee.fiscal_code}). Sending it
 * (after checking the profile's {@code sender_allowed}) is the messaging module's job.
 */
@Component
class IoMessages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  record Message(@JsonProperty("fiscal_code") String fiscalCode,
                 @JsonProperty("feature_level_type") String featureLevelType, Content content) {}

  record Content(String subject, String markdown, @JsonProperty("due_date") String dueDate,
                 @JsonProperty("payment_data") PaymentData paymentData) {}

  record PaymentData(long amount, @JsonProperty("notice_number") String noticeNumber,
                     @JsonProperty("invalid_after_due_date") boolean invalidAfterDueDate, Payee payee) {}

  record Payee(@JsonProperty("fiscal_code") String fiscalCode) {}

  Message of(DebtPosition p, Tenant creditor) {
    String subject = clip("Avviso di pagamento: " + p.description(), 120);
    String markdown = "Hai un avviso di pagamento da **" + creditor.name() + "**.\n\n"
        + "- **Oggetto:** " + p.description() + "\n"
        + "- **Importo:** " + Money.format(p.amountCents()) + " euro\n"
        + "- **Scadenza:** " + DAY.format(p.dueDate()) + "\n"
        + "- **Codice avviso:** " + p.notice().grouped() + "\n"
        + "- **Codice fiscale ente creditore:** " + p.creditor().value() + "\n\n"
        + "Puoi pagare direttamente da qui con il pulsante **Paga**, oppure con qualsiasi canale pagoPA usando il "
        + "codice avviso.";
    // IO wants an ISO-8601 UTC instant: the end of the due day in Italy.
    String due = p.dueDate().atTime(LocalTime.of(23, 59, 59)).atZone(ITALY).toInstant().toString();
    boolean invalidAfter = p.validUntil() != null && !p.validUntil().isAfter(p.dueDate());
    return new Message(p.payer().value(), "STANDARD", new Content(subject, clip(markdown, 10_000), due,
        new PaymentData(p.amountCents(), p.notice().value(), invalidAfter, new Payee(p.creditor().value()))));
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
