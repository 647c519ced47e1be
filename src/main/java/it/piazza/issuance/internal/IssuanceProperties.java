package it.piazza.issuance.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of issuance ({@code piazza.issuance}); see docs/operations.md.
 *
 * @param publicUrls each comune's public base URL (e.g. {@code https://servizi.comune.example.it}), printed in the
 *     QR code; a comune without one gets {@code http://<its first host>:<port>}
 * @param seals each comune's production seal: a PKCS#12 file and its password; a comune without one gets a demo
 *     seal issued by a demo CA generated under {@code data/keys/seal}, unless {@code demoSeals} is off
 * @param trustedCertificates PEM files of the CAs whose seals {@code /verify} accepts, besides the demo CA
 * @param registerCron when the daily protocol registers are issued (Europe/Rome)
 * @param maxVerifySize the largest copy {@code POST /verify/{code}} accepts
 */
@ConfigurationProperties("piazza.issuance")
record IssuanceProperties(Map<String, String> publicUrls, Map<String, SealFile> seals, Boolean demoSeals,
                          List<String> trustedCertificates, String registerCron, DataSize maxVerifySize) {

  IssuanceProperties {
    publicUrls = publicUrls == null ? Map.of() : Map.copyOf(publicUrls);
    seals = seals == null ? Map.of() : Map.copyOf(seals);
    demoSeals = demoSeals == null || demoSeals;
    trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
    maxVerifySize = maxVerifySize == null ? DataSize.ofMegabytes(20) : maxVerifySize;
  }

  /** A seal kept in a PKCS#12 file; {@code alias} may be left out when the file holds one key. */
  record SealFile(String pkcs12File, String password, String alias) {}
}
