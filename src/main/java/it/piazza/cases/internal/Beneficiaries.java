package it.piazza.cases.internal;

import it.piazza.catalog.FieldError;
import it.piazza.catalog.ServiceDefinition;
import it.piazza.identity.Caller;
import it.piazza.identity.Delegations;
import it.piazza.identity.Delegator;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.IdentityProblem;
import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Who applies and for whom. The applicant is the caller (or the citizen at the desk); the beneficiary is the
 * person named by {@code onBehalfOf}, by the {@code On-Behalf-Of} header, or by the service's beneficiary field
 * (a child's fiscal code on a nursery form). Applying for someone else needs a valid delegation.
 */
@Component
class Beneficiaries {

  private final Delegations delegations;
  private final Clock clock;

  Beneficiaries(Delegations delegations, Clock clock) {
    this.delegations = delegations;
    this.clock = clock;
  }

  record Parties(FiscalCode applicant, String applicantName, FiscalCode beneficiary, String beneficiaryName) {
    Application.Parties toCase(String filedBy) {
      return new Application.Parties(filedBy, applicant, applicantName, beneficiary, beneficiaryName);
    }
  }

  Parties of(Caller caller, Submissions.Applicant atDesk, ServiceDefinition service, String onBehalfOf,
             JsonNode data) {
    FiscalCode applicant = atDesk != null ? atDesk.fiscalCode()
        : caller.fiscalCode().orElseThrow(() -> new ProblemException(CommonProblem.FORBIDDEN));
    String applicantName = atDesk != null ? atDesk.name() : caller.name();
    Optional<FiscalCode> named = parse(onBehalfOf, "/onBehalfOf")
        .or(() -> caller.actingFor().map(Delegator::fiscalCode))
        .or(() -> service.beneficiaryField().flatMap(field -> fieldValue(data, field)));
    if (named.isEmpty() || named.get().equals(applicant)) {
      return new Parties(applicant, applicantName, applicant, applicantName);
    }
    Delegator delegator = delegations.find(caller.tenant(), applicant, named.get(), LocalDate.now(clock))
        .orElseThrow(() -> new ProblemException(IdentityProblem.NOT_A_DELEGATE));
    return new Parties(applicant, applicantName, delegator.fiscalCode(), delegator.name());
  }

  private static Optional<FiscalCode> fieldValue(JsonNode data, String field) {
    JsonNode value = data.at(field.startsWith("/") ? field : "/" + field);
    if (!value.isString() || !FiscalCode.isValid(value.asString())) {
      return Optional.empty(); // the form's own validation reports a malformed code
    }
    return Optional.of(FiscalCode.of(value.asString()));
  }

  private static Optional<FiscalCode> parse(String raw, String pointer) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    if (!FiscalCode.isValid(raw)) {
      throw Submissions.invalid(List.of(new FieldError(pointer, "Codice fiscale non valido")));
    }
    return Optional.of(FiscalCode.of(raw));
  }
}
