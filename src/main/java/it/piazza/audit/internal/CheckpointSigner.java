package it.piazza.audit.internal;

import it.piazza.platform.LocalKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Signs and checks checkpoints (comune, tree size, root, time) with the audit key, Ed25519. */
@Component
class CheckpointSigner {

  private final KeyPair key;
  private final String keyId;

  CheckpointSigner(LocalKeys keys) {
    this.key = keys.ed25519("audit");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded());
      this.keyId = HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String keyId() {
    return keyId;
  }

  byte[] publicKey() {
    return key.getPublic().getEncoded();
  }

  byte[] sign(String tenant, long size, byte[] root, Instant at) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key.getPrivate());
      signer.update(signedBytes(tenant, size, root, at));
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign an audit checkpoint", e);
    }
  }

  boolean verify(String tenant, long size, byte[] root, Instant at, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key.getPublic());
      verifier.update(signedBytes(tenant, size, root, at));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A text form, like a transparency-log checkpoint note: origin, size, root (base64), time. */
  static byte[] signedBytes(String tenant, long size, byte[] root, Instant at) {
    String note = "piazza-audit/" + tenant + "\n" + size + "\n"
        + java.util.Base64.getEncoder().encodeToString(root) + "\n"
        + java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, at) + "\n";
    return note.getBytes(StandardCharsets.UTF_8);
  }

}
