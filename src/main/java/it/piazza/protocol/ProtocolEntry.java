package it.piazza.protocol;

import it.piazza.identity.Channel;
import it.piazza.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One registered document: the fields of DPR 445/2000 art. 53 c.1 as stored, never changed afterwards (c.3).
 *
 * @param registeredAt when the register assigned the number, from the clock
 * @param registrationDate the day of {@code registeredAt} in Italy (item b): always the actual filing day
 * @param registeredBy the subject who registered the document
 */
public record ProtocolEntry(TenantId tenant, ProtocolNumber number, Instant registeredAt, LocalDate registrationDate,
                            Direction direction, List<Correspondent> correspondents, String subject,
                            String fingerprint, Registration.SenderReference senderReference, String documentKind,
                            String documentReference, String classification, String registeredBy,
                            Channel channel) {

  public ProtocolEntry {
    correspondents = List.copyOf(correspondents);
  }

  /** The entry a registration becomes once the register has given it a number and a time. */
  public static ProtocolEntry of(Registration r, ProtocolNumber number, Instant registeredAt,
                                 LocalDate registrationDate) {
    return new ProtocolEntry(r.tenant(), number, registeredAt, registrationDate, r.direction(), r.correspondents(),
        r.subject(), r.fingerprint(), r.senderReference(), r.documentKind(), r.documentReference(),
        r.classification(), r.actor(), r.channel());
  }
}
