package it.piazza.protocol;

import it.piazza.identity.Channel;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request to register a document in a comune's protocol: the fields of DPR 445/2000 art. 53 c.1 that the
 * caller supplies. Number and date (items a and b) are never part of it: the register assigns them.
 *
 * @param correspondents the sender of an incoming document, the recipients of an outgoing one (item c)
 * @param subject the oggetto (item d)
 * @param fingerprint SHA-256 of the primary document, 64 hex digits (item f)
 * @param senderReference date and protocol number the sender gave the document, incoming only (item e)
 * @param documentKind what the document is, e.g. {@code istanza}; optional
 * @param documentReference where the document lives, e.g. the case it belongs to; optional
 * @param classification the titolario code, e.g. {@code VII.4}; optional
 * @param actor the subject who registers (a person, a client system or Piazza itself), for the audit log
 */
public record Registration(TenantId tenant, Direction direction, List<Correspondent> correspondents, String subject,
                           String fingerprint, SenderReference senderReference, String documentKind,
                           String documentReference, String classification, String actor, Channel channel) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TITOLARIO = Pattern.compile("[A-Z0-9]{1,10}(\\.[A-Z0-9]{1,10}){0,5}");
  private static final int MAX_SUBJECT = 2000;

  public Registration {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(channel, "channel");
    correspondents = List.copyOf(Objects.requireNonNull(correspondents, "correspondents"));
    if (correspondents.isEmpty()) {
      throw new IllegalArgumentException(direction == Direction.INCOMING
          ? "An incoming document needs its sender" : "An outgoing document needs at least one recipient");
    }
    subject = subject == null ? "" : subject.strip();
    if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException("The subject (oggetto) is required, at most " + MAX_SUBJECT + " characters");
    }
    fingerprint = fingerprint == null ? "" : fingerprint.strip().toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("The fingerprint is a SHA-256 digest: 64 hexadecimal digits");
    }
    if (senderReference != null && direction != Direction.INCOMING) {
      throw new IllegalArgumentException("Only a received document has the sender's date and number (art. 53 c.1 e)");
    }
    documentKind = optional(documentKind, 100, "document kind");
    documentReference = optional(documentReference, 200, "document reference");
    classification = optional(classification, 60, "classification");
    if (classification != null) {
      classification = classification.toUpperCase(Locale.ROOT);
      if (!TITOLARIO.matcher(classification).matches()) {
        throw new IllegalArgumentException("A classification is a titolario code such as VII.4, got '"
            + classification + "'");
      }
    }
    actor = optional(actor, 200, "actor");
    Objects.requireNonNull(actor, "actor");
  }

  /** A document received from {@code sender}. */
  public static Registration incoming(TenantId tenant, Correspondent sender, String subject, String fingerprint,
                                      String actor, Channel channel) {
    return new Registration(tenant, Direction.INCOMING, List.of(sender), subject, fingerprint, null, null, null, null,
        actor, channel);
  }

  /** A document sent to {@code recipients}. */
  public static Registration outgoing(TenantId tenant, List<Correspondent> recipients, String subject,
                                      String fingerprint, String actor, Channel channel) {
    return new Registration(tenant, Direction.OUTGOING, recipients, subject, fingerprint, null, null, null, null,
        actor, channel);
  }

  public Registration withSenderReference(LocalDate date, String number) {
    return new Registration(tenant, direction, correspondents, subject, fingerprint, new SenderReference(date, number),
        documentKind, documentReference, classification, actor, channel);
  }

  public Registration withDocument(String kind, String reference) {
    return new Registration(tenant, direction, correspondents, subject, fingerprint, senderReference, kind, reference,
        classification, actor, channel);
  }

  public Registration withClassification(String code) {
    return new Registration(tenant, direction, correspondents, subject, fingerprint, senderReference, documentKind,
        documentReference, code, actor, channel);
  }

  /** Art. 53 c.1 e: the date and protocol number of the received document, "if available" — either may be missing. */
  public record SenderReference(LocalDate date, String number) {
    public SenderReference {
      number = optional(number, 100, "sender's protocol number");
      if (date == null && number == null) {
        throw new IllegalArgumentException("A sender reference has a date, a number or both");
      }
    }
  }

  private static String optional(String value, int max, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new IllegalArgumentException("The " + what + " has at most " + max + " characters");
    }
    return stripped;
  }
}
