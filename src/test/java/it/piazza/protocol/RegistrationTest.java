package it.piazza.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.tenancy.TenantId;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DPR 445/2000 art. 53 c.1: what a registration must carry before it can be given a number. */
class RegistrationTest {

  private static final TenantId BORGO = new TenantId("c_b001");
  private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Correspondent MARIO = new Correspondent("Mario Rossi", "rssmra84e12f205p");

  @Test
  void normalisesWhatItKeeps() {
    Registration r = Registration.incoming(BORGO, MARIO, "  Domanda di iscrizione al nido  ", SHA256.toUpperCase(),
        "mario.rossi", Channel.ONLINE).withClassification("vii.4");
    assertThat(r.subject()).isEqualTo("Domanda di iscrizione al nido");
    assertThat(r.fingerprint()).isEqualTo(SHA256);
    assertThat(r.classification()).isEqualTo("VII.4");
    assertThat(r.correspondents().getFirst().fiscalCode()).isEqualTo("RSSMRA84E12F205P");
    assertThat(r.correspondents().getFirst().person()).contains(FiscalCode.of("RSSMRA84E12F205P"));
  }

  @Test
  void theFingerprintIsASha256InHex() {
    for (String bad : new String[] {null, "", SHA256.substring(1), SHA256 + "0", SHA256.replace('9', 'g')}) {
      assertThatThrownBy(() -> Registration.incoming(BORGO, MARIO, "Domanda", bad, "mario.rossi", Channel.ONLINE))
          .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256");
    }
  }

  @Test
  void theSubjectAndACorrespondentAreRequired() {
    assertThatThrownBy(() -> Registration.incoming(BORGO, MARIO, "   ", SHA256, "mario.rossi", Channel.ONLINE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("oggetto");
    assertThatThrownBy(() -> Registration.outgoing(BORGO, List.of(), "Comunicazione", SHA256, "sara", Channel.DESK))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    assertThatThrownBy(() -> new Correspondent(" ", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCorrespondentsCodeIsAPersonsOrABodysAndIsNotEchoed() {
    assertThat(new Correspondent("Comune di Valle Serena", "80023450010").person()).isEmpty();
    assertThatThrownBy(() -> new Correspondent("Mario Rossi", "RSSMRA84E12F205X"))
        .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("RSSMRA84E12F205X");
    assertThatThrownBy(() -> new Correspondent("Ditta", "80023450011")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyAReceivedDocumentHasTheSendersDateAndNumber() {
    Registration incoming = Registration.incoming(BORGO, MARIO, "Istanza", SHA256, "mario.rossi", Channel.ONLINE)
        .withSenderReference(LocalDate.of(2026, 3, 2), "prot. 45");
    assertThat(incoming.senderReference().number()).isEqualTo("prot. 45");
    Registration outgoing = Registration.outgoing(BORGO, List.of(MARIO), "Esito", SHA256, "sara", Channel.DESK);
    assertThatThrownBy(() -> outgoing.withSenderReference(LocalDate.of(2026, 3, 2), "45"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("art. 53 c.1 e");
    assertThatThrownBy(() -> new Registration.SenderReference(null, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClassificationIsATitolarioCode() {
    Registration r = Registration.incoming(BORGO, MARIO, "Istanza", SHA256, "mario.rossi", Channel.ONLINE);
    assertThat(r.withClassification("1.2.3").classification()).isEqualTo("1.2.3");
    assertThat(r.withClassification(" ").classification()).isNull();
    assertThatThrownBy(() -> r.withClassification("VII..4")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.withClassification("VII 4")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void someoneRegisters() {
    assertThatThrownBy(() -> Registration.incoming(BORGO, MARIO, "Istanza", SHA256, " ", Channel.ONLINE))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("actor");
  }
}
