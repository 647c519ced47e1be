package it.piazza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys are generated once and kept: tokens and checkpoints stay verifiable across restarts. */
class LocalKeysTests {

  @TempDir
  Path folder;

  @Test
  void aKeyIsKeptAcrossRestarts() {
    var first = new LocalKeys(new DataDirectory(folder)).rsa("oidc");
    var second = new LocalKeys(new DataDirectory(folder)).rsa("oidc");
    assertThat(second.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
    assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
  }

  @Test
  void privateKeysAreReadableByTheOwnerOnly() throws Exception {
    new LocalKeys(new DataDirectory(folder)).ed25519("audit");
    assertThat(Files.getPosixFilePermissions(folder.resolve("keys/audit.ed25519.key")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }
}
