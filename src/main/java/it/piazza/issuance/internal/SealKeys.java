package it.piazza.issuance.internal;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import it.piazza.platform.DataDirectory;
import it.piazza.tenancy.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The comuni's electronic seals. Production: a PKCS#12 file and password per comune from configuration (an HSM
 * through PKCS#11 later). Embedded default: a demo seal per comune, issued on first use by a demo CA, both kept as
 * PKCS#12 under {@code data/keys/seal} (a file lock keeps two nodes sharing the folder from making two).
 */
@Component
class SealKeys {

  /** A comune's seal: the signature token and its key (certificate and chain). */
  record SealKey(Pkcs12SignatureToken token, DSSPrivateKeyEntry key) {}

  private final IssuanceProperties properties;
  private final Path folder;
  private final Map<String, SealKey> keys = new ConcurrentHashMap<>();

  SealKeys(IssuanceProperties properties, DataDirectory data) {
    this.properties = properties;
    this.folder = data.folder("keys/seal");
  }

  SealKey of(Tenant comune) {
    return keys.computeIfAbsent(comune.id().value(), id -> load(comune));
  }

  /** The CAs whose seals verification trusts: the demo CA (if demo seals are on) and the configured ones. */
  List<X509Certificate> trustAnchors() {
    List<X509Certificate> anchors = new ArrayList<>();
    if (properties.demoSeals()) {
      anchors.add(demo().caCertificate());
    }
    for (String file : properties.trustedCertificates()) {
      try (InputStream in = Files.newInputStream(Path.of(file))) {
        CertificateFactory.getInstance("X.509").generateCertificates(in)
            .forEach(c -> anchors.add((X509Certificate) c));
      } catch (Exception e) {
        throw new IllegalStateException("Cannot read trusted certificates " + file, e);
      }
    }
    properties.seals().values().forEach(seal -> {
      SealKey key = open(Path.of(seal.pkcs12File()), seal.password(), seal.alias());
      var chain = key.key().getCertificateChain();
      anchors.add(chain[chain.length - 1].getCertificate());
    });
    return anchors;
  }

  /**
   * The demo CA's current certificate revocation list (empty), so that offline validation finds revocation data;
   * {@code null} when demo seals are off.
   */
  byte[] demoCrl() {
    return properties.demoSeals() ? demo().crl() : null;
  }

  private SealKey load(Tenant comune) {
    IssuanceProperties.SealFile configured = properties.seals().get(comune.id().value());
    if (configured != null) {
      return open(Path.of(configured.pkcs12File()), configured.password(), configured.alias());
    }
    if (!properties.demoSeals()) {
      throw new IllegalStateException("No seal configured for " + comune.id() + " (piazza.issuance.seals."
          + comune.id() + ") and demo seals are off");
    }
    Path file = folder.resolve(comune.id().value() + ".p12");
    DemoSealAuthority authority = demo();
    String password = authority.password();
    withLock(() -> {
      if (!Files.exists(file)) {
        authority.issueSeal(comune, file);
      }
    });
    return open(file, password, null);
  }

  private volatile DemoSealAuthority demo;

  private DemoSealAuthority demo() {
    if (demo == null) {
      synchronized (this) {
        if (demo == null) {
          DemoSealAuthority[] made = new DemoSealAuthority[1];
          withLock(() -> made[0] = DemoSealAuthority.loadOrCreate(folder));
          demo = made[0];
        }
      }
    }
    return demo;
  }

  /** The monitor first (one thread of this node), then the file lock (other nodes sharing the folder). */
  private synchronized void withLock(Runnable action) {
    try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock " + folder, e);
    }
  }

  private static SealKey open(Path file, String password, String alias) {
    try {
      Pkcs12SignatureToken token = new Pkcs12SignatureToken(Files.readAllBytes(file),
          new KeyStore.PasswordProtection(password.toCharArray()));
      DSSPrivateKeyEntry key = alias == null ? token.getKeys().getFirst() : token.getKey(alias);
      if (key == null) {
        throw new IllegalStateException("No key " + alias + " in " + file);
      }
      return new SealKey(token, key);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read seal " + file, e);
    }
  }
}
