package it.piazza.payments.internal;

import it.piazza.identity.Caller;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.Role;
import it.piazza.payments.DebtPositionId;
import it.piazza.payments.PaymentsProblem;
import it.piazza.platform.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see a debt position: the payer and the person it is for, with their delegates; the staff of the office
 * handling the case it belongs to; the comune's administrators. Anyone else is told it does not exist (404).
 */
@Component
class PositionAccess {

  private final DebtPositions positions;
  private final Delegations delegations;
  private final Clock clock;

  PositionAccess(DebtPositions positions, Delegations delegations, Clock clock) {
    this.positions = positions;
    this.delegations = delegations;
    this.clock = clock;
  }

  /** A position the caller may see, and whether as its payer's side (citizen file) or as staff. */
  record Visible(DebtPosition position, boolean staff) {
    String purpose() {
      return staff ? "payments-administration" : "citizen-file";
    }
  }

  Visible require(Caller caller, UUID id) {
    DebtPosition position = positions.find(caller.tenant(), new DebtPositionId(id))
        .orElseThrow(() -> new ProblemException(PaymentsProblem.PAYMENT_NOT_FOUND));
    if (isParty(caller, position)) {
      return new Visible(position, false);
    }
    if (caller.has(Role.ADMINISTRATOR) || (position.office() != null && caller.worksIn(position.office()))) {
      return new Visible(position, true);
    }
    throw new ProblemException(PaymentsProblem.PAYMENT_NOT_FOUND);
  }

  /** A position the caller may pay: their own or one of a person they may act for. */
  DebtPosition requirePayable(Caller caller, UUID id) {
    DebtPosition position = positions.find(caller.tenant(), new DebtPositionId(id))
        .orElseThrow(() -> new ProblemException(PaymentsProblem.PAYMENT_NOT_FOUND));
    if (!isParty(caller, position)) {
      throw new ProblemException(PaymentsProblem.PAYMENT_NOT_FOUND);
    }
    return position;
  }

  private boolean isParty(Caller caller, DebtPosition position) {
    Set<FiscalCode> mine = peopleOf(caller);
    return mine.contains(position.payer()) || (position.beneficiary() != null && mine.contains(position.beneficiary()));
  }

  /** The caller and everyone they may act for today. */
  Set<FiscalCode> peopleOf(Caller caller) {
    Set<FiscalCode> people = new HashSet<>();
    caller.fiscalCode().ifPresent(own -> {
      people.add(own);
      delegations.delegatorsOf(caller.tenant(), own, LocalDate.now(clock)).stream().map(Delegator::fiscalCode)
          .forEach(people::add);
    });
    return people;
  }
}
