package it.piazza.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Key pairs this node generates on first start and keeps under {@code data/keys} (the embedded default): the
 * token signing key of the built-in identity provider, the audit checkpoint key. Production deployments point
 * the modules to their own key material instead.
 */
@Component
public class LocalKeys {

  private final Path folder;

  public LocalKeys(DataDirectory data) {
    this.folder = data.folder("keys");
  }

  /**
   * An RSA pair of 2048 bits: what RS256 tokens use across SPID/CIE OpenID Connect and common providers, for keys
   * that sign tokens living minutes. Generating 3072 bits took over a second of a fresh node's start on two cores.
   * A pair already on disk is kept, whatever its size.
   */
  public KeyPair rsa(String name) {
    return loadOrCreate(name + ".rsa", "RSA", 2048);
  }

  public KeyPair ed25519(String name) {
    return loadOrCreate(name + ".ed25519", "Ed25519", 0);
  }

  private synchronized KeyPair loadOrCreate(String name, String algorithm, int size) {
    Path privateFile = folder.resolve(name + ".key");
    Path publicFile = folder.resolve(name + ".pub");
    try (FileChannel lockFile = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
      // The file lock keeps two nodes sharing the folder from generating two different pairs.
      if (!Files.exists(privateFile)) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (size > 0) {
          generator.initialize(size);
        }
        KeyPair fresh = generator.generateKeyPair();
        // Public first, private last: the private file's presence means the pair is complete.
        publish(publicFile, fresh.getPublic().getEncoded());
        publish(privateFile, fresh.getPrivate().getEncoded());
      }
      KeyFactory factory = KeyFactory.getInstance(algorithm);
      return new KeyPair(
          factory.generatePublic(new X509EncodedKeySpec(read(publicFile))),
          factory.generatePrivate(new PKCS8EncodedKeySpec(read(privateFile))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write key " + privateFile, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Unusable key " + privateFile, e);
    }
  }

  private static byte[] read(Path file) throws IOException {
    String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(pem);
  }

  /** Writes atomically, so a reader never sees half a key. */
  private static void publish(Path target, byte[] der) throws IOException {
    String label = target.toString().endsWith(".key") ? "PRIVATE KEY" : "PUBLIC KEY";
    String pem = "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + label + "-----\n";
    Path temp = Files.createTempFile(target.getParent(), ".key", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: rely on the folder's permissions.
    }
    Files.writeString(temp, pem);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
