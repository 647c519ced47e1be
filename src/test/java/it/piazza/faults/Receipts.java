package it.piazza.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What a receipt promised, checked as its applicant would: the case exists, under the number it gave. */
final class Receipts {

  private Receipts() {}

  static void eachNamesItsStoredCase(Load load, AppNode node, List<Load.Outcome> receipts) {
    for (Load.Outcome receipt : receipts) {
      Load.Outcome stored = load.get(node, "/api/v1/applications/" + receipt.caseId(), receipt.attempt().subject());
      assertThat(stored.status()).as("case %s of receipt %s", receipt.caseId(), receipt.body()).isEqualTo(200);
      assertThat(stored.body().get("protocolNumber").asString()).as("protocol number of %s", receipt.caseId())
          .isEqualTo(receipt.protocol());
    }
  }
}
