package it.piazza.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An uploaded file's name is shown to people: it must not point anywhere nor pretend to be another name. */
class SafeNameTest {

  @Test
  void aNameKeepsOnlyItsLastSegment() {
    assertThat(AttachmentIntake.safeName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(AttachmentIntake.safeName("..\\..\\win.ini")).isEqualTo("win.ini");
    assertThat(AttachmentIntake.safeName("..")).isEqualTo("allegato");
  }

  @Test
  void invisibleCharactersThatDisguiseANameAreRemoved() {
    assertThat(AttachmentIntake.safeName("fattura\u202Efdp.exe")).isEqualTo("fatturafdp.exe");
    assertThat(AttachmentIntake.safeName("\u200F\u202Dnome\u0000.pdf")).isEqualTo("nome.pdf");
    assertThat(AttachmentIntake.safeName("nome\ud800.pdf")).isEqualTo("nome.pdf");
  }

  @Test
  void aLongNameIsCutWithoutSplittingACharacter() {
    String name = AttachmentIntake.safeName("x".repeat(199) + "\ud83d\udca9.pdf");
    assertThat(name).hasSize(199).doesNotContain("\ud83d");
  }
}
