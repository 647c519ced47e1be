package it.piazza.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings ({@code piazza.identity}).
 *
 * @param issuerUri an external OpenID Connect issuer (e.g. Keycloak brokering SPID/CIE); empty for the built-in one
 * @param publicUrl the address citizens use to reach Piazza; when set, tokens must name it as their issuer
 * @param tokenTtl lifetime of access tokens from the built-in provider
 * @param claims names of the claims that carry Piazza's facts in tokens from an external issuer
 * @param clients machine clients of the built-in provider (client credentials) and browser clients
 */
@ConfigurationProperties("piazza.identity")
record IdentityProperties(String issuerUri, String publicUrl, Duration tokenTtl, Claims claims, List<Client> clients) {

  IdentityProperties {
    issuerUri = issuerUri == null ? "" : issuerUri.trim();
    publicUrl = publicUrl == null ? "" : publicUrl.trim();
    tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
    claims = claims == null ? new Claims(null, null, null, null, null, null) : claims;
    clients = clients == null ? List.of() : clients;
  }

  boolean builtInProvider() {
    return issuerUri.isEmpty();
  }

  record Claims(String fiscalCode, String tenant, String roles, String office, String groups, String name) {
    Claims {
      fiscalCode = fiscalCode == null ? "fiscal_number" : fiscalCode;
      tenant = tenant == null ? "tenant" : tenant;
      roles = roles == null ? "roles" : roles;
      office = office == null ? "office" : office;
      groups = groups == null ? "groups" : groups;
      name = name == null ? "name" : name;
    }
  }

  /**
   * A registered client. Machine clients ({@code client_credentials}) act as role {@code system} for one comune;
   * browser clients ({@code authorization_code} with PKCE) list their redirect URIs.
   */
  record Client(String id, String secret, String name, String tenant, List<String> grantTypes,
                List<String> redirectUris, List<String> scopes) {
    Client {
      grantTypes = grantTypes == null ? List.of("client_credentials") : grantTypes;
      redirectUris = redirectUris == null ? List.of() : redirectUris;
      scopes = scopes == null ? List.of() : scopes;
    }
  }
}
