package it.piazza.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import it.piazza.identity.Role;
import it.piazza.platform.LocalKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The built-in OpenID Connect provider (Spring Authorization Server), on when no external issuer is configured:
 * authorization code with PKCE for browsers, client credentials for machine clients, tokens signed with a key
 * kept under {@code data/keys}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${piazza.identity.issuer-uri:}'.isBlank()")
class AuthorizationServerConfiguration {

  static final String TENANT_SETTING = "piazza.tenant";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, as -> as.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
        .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
    var settings = AuthorizationServerSettings.builder();
    if (!properties.publicUrl().isEmpty()) {
      settings.issuer(properties.publicUrl());
    }
    return settings.build();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(LocalKeys keys) throws com.nimbusds.jose.JOSEException {
    KeyPair pair = keys.rsa("oidc");
    RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
        .keyIDFromThumbprint().build();
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
    return new NimbusJwtEncoder(jwkSource);
  }

  @Bean
  RegisteredClientRepository registeredClients(IdentityProperties properties) {
    List<RegisteredClient> clients = properties.clients().stream().map(c -> client(c, properties)).toList();
    return clients.isEmpty() ? new InMemoryRegisteredClientRepository(placeholder())
        : new InMemoryRegisteredClientRepository(clients);
  }

  private static RegisteredClient client(IdentityProperties.Client c, IdentityProperties properties) {
    RegisteredClient.Builder client = RegisteredClient.withId(UUID.nameUUIDFromBytes(c.id().getBytes()).toString())
        .clientId(c.id())
        .clientName(c.name() == null ? c.id() : c.name())
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build());
    ClientSettings.Builder settings = ClientSettings.builder().requireAuthorizationConsent(false);
    if (c.tenant() != null) {
      settings.setting(TENANT_SETTING, c.tenant());
    }
    if (c.secret() == null || c.secret().isBlank()) {
      client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
      settings.requireProofKey(true);
    } else {
      client.clientSecret(c.secret()).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
    }
    c.grantTypes().forEach(grant -> client.authorizationGrantType(new AuthorizationGrantType(grant)));
    c.redirectUris().forEach(client::redirectUri);
    if (c.grantTypes().contains("authorization_code")) {
      client.scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE);
    }
    c.scopes().forEach(client::scope);
    return client.clientSettings(settings.build()).build();
  }

  /** Spring Authorization Server needs at least one client; this one can do nothing. */
  private static RegisteredClient placeholder() {
    return RegisteredClient.withId("none").clientId("none")
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri("http://127.0.0.1/none").build();
  }

  /** Puts the caller's facts (comune, roles, office, fiscal code) in every token the provider issues. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> piazzaClaims(Accounts accounts, IdentityProperties properties) {
    return context -> {
      var claims = context.getClaims();
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
        RegisteredClient client = context.getRegisteredClient();
        Object tenant = client.getClientSettings().getSetting(TENANT_SETTING);
        if (tenant != null) {
          claims.claim(properties.claims().tenant(), tenant.toString());
        }
        claims.claim(properties.claims().roles(), List.of(Role.SYSTEM.code()));
        claims.claim(properties.claims().name(), client.getClientName());
        return;
      }
      accounts.find(context.getPrincipal().getName())
          .ifPresent(account -> TokenClaims.of(account, properties.claims()).forEach(claims::claim));
    };
  }
}
