package it.piazza.issuance.internal;

import it.piazza.tenancy.Tenant;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A demo certification authority, made on first start, that issues each comune a demo seal certificate: subject
 * O = the comune's name, organizationIdentifier = {@code VATIT-<fiscal code>} (ETSI EN 319 412-1), key usage
 * non-repudiation. Nothing it signs is trusted outside this deployment: production configures real seals.
 */
final class DemoSealAuthority {

  private static final String CA_FILE = "demo-ca.p12";
  private static final String PASSWORD_FILE = "demo-password";
  private static final String ALIAS = "seal";

  private final String password;
  private final PrivateKey caKey;
  private final X509Certificate caCertificate;

  private DemoSealAuthority(String password, PrivateKey caKey, X509Certificate caCertificate) {
    this.password = password;
    this.caKey = caKey;
    this.caCertificate = caCertificate;
  }

  /** Loads the demo CA from {@code folder}, creating it (and the password of the demo key stores) if missing. */
  static DemoSealAuthority loadOrCreate(Path folder) {
    try {
      Path passwordFile = folder.resolve(PASSWORD_FILE);
      Path caFile = folder.resolve(CA_FILE);
      if (!Files.exists(caFile)) {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        KeyPair pair = rsa();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "IT")
            .addRDN(BCStyle.O, "Piazza demo").addRDN(BCStyle.CN, "Piazza demo seal CA (not for production)").build();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(
            now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650 * 2))), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = certificate(builder, pair.getPrivate());
        writePrivate(passwordFile, password.getBytes());
        writePrivate(caFile, keyStore(pair.getPrivate(), new Certificate[] {certificate}, password));
      }
      String password = Files.readString(passwordFile).strip();
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(caFile)) {
        store.load(in, password.toCharArray());
      }
      return new DemoSealAuthority(password, (PrivateKey) store.getKey(ALIAS, password.toCharArray()),
          (X509Certificate) store.getCertificate(ALIAS));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo seal CA in " + folder, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot make the demo seal CA", e);
    }
  }

  String password() {
    return password;
  }

  X509Certificate caCertificate() {
    return caCertificate;
  }

  /** Issues {@code comune} a seal certificate and key, written as PKCS#12 (key, certificate, CA) to {@code file}. */
  void issueSeal(Tenant comune, Path file) {
    try {
      KeyPair pair = rsa();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "IT")
          .addRDN(BCStyle.O, comune.name())
          .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, "VATIT-" + comune.fiscalCode().value())
          .addRDN(BCStyle.CN, comune.name() + " - sigillo elettronico (demo)").build();
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
          pair.getPublic());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation | KeyUsage.digitalSignature));
      builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          utils.createAuthorityKeyIdentifier(caCertificate));
      X509Certificate certificate = certificate(builder, caKey);
      writePrivate(file, keyStore(pair.getPrivate(), new Certificate[] {certificate, caCertificate}, password));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo seal " + file, e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("Cannot issue a demo seal for " + comune.id(), e);
    }
  }

  /** An empty CRL, valid from a minute ago for a day: offline validation then has revocation data to check. */
  byte[] crl() {
    try {
      Instant now = Instant.now();
      X509v2CRLBuilder builder = new X509v2CRLBuilder(
          X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
          Date.from(now.minus(Duration.ofMinutes(1))));
      builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
      X509CRLHolder crl = builder.build(signer(caKey));
      return crl.getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(96, new SecureRandom());
  }

  private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withRSA").build(key);
  }

  private static X509Certificate certificate(JcaX509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws GeneralSecurityException, OperatorCreationException {
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
  }

  private static byte[] keyStore(PrivateKey key, Certificate[] chain, String password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(ALIAS, key, password.toCharArray(), chain);
    var out = new java.io.ByteArrayOutputStream();
    store.store(out, password.toCharArray());
    return out.toByteArray();
  }

  /** Written atomically and readable by the owner only, like {@code platform.LocalKeys}. */
  private static void writePrivate(Path target, byte[] content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".seal", ".tmp");
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: rely on the folder's permissions.
    }
    try (OutputStream out = Files.newOutputStream(temp)) {
      out.write(content);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }
}
