package it.piazza.cases.internal;

import it.piazza.cases.CaseId;
import it.piazza.cases.CasesProblem;
import it.piazza.identity.Caller;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.Role;
import it.piazza.platform.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see and act on an application: the handling office's staff, and the applicant or the beneficiary with
 * their delegates. Anyone else is told it does not exist (404), so existence never leaks.
 */
@Component
class CaseAccess {

  private final Applications applications;
  private final Delegations delegations;
  private final Clock clock;

  CaseAccess(Applications applications, Delegations delegations, Clock clock) {
    this.applications = applications;
    this.delegations = delegations;
    this.clock = clock;
  }

  /** An application the caller may see, as office staff or as a party. */
  record Visible(Application application, Actor actor) {
    boolean office() {
      return actor.kind() == Actor.Kind.OFFICE;
    }
  }

  Visible require(Caller caller, CaseId id) {
    Application application = applications.find(caller.tenant(), id)
        .orElseThrow(() -> new ProblemException(CasesProblem.CASE_NOT_FOUND));
    if (caller.worksIn(application.office)) {
      return new Visible(application, new Actor(caller.subject(), caller.name(), Actor.Kind.OFFICE,
          caller.has(Role.OFFICE_MANAGER)));
    }
    Set<FiscalCode> mine = peopleOf(caller);
    if (mine.contains(application.parties.applicant()) || mine.contains(application.parties.beneficiary())) {
      return new Visible(application, new Actor(caller.subject(), caller.name(), Actor.Kind.APPLICANT, false));
    }
    throw new ProblemException(CasesProblem.CASE_NOT_FOUND);
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
