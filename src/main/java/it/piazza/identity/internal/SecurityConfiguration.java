package it.piazza.identity.internal;

import it.piazza.identity.Delegations;
import it.piazza.platform.ProtectedPages;
import it.piazza.platform.PublicEndpoints;
import it.piazza.platform.Problems;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may reach what. Three filter chains: the built-in OpenID Connect provider's endpoints (see
 * {@link AuthorizationServerConfiguration}), the API (stateless, bearer JWTs, problems for 401/403), and the
 * pages (sessions, sign-in through the provider's login page).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

  @Bean
  CallerContextFilter callerContextFilter(Delegations delegations, Problems problems,
                                          ApplicationEventPublisher events, Clock clock) {
    return new CallerContextFilter(delegations, problems, events, clock);
  }

  /** Keeps the servlet container from also running the filter outside the security chains. */
  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<CallerContextFilter> callerContextFilterRegistration(
      CallerContextFilter filter) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setEnabled(false);
    return registration;
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, JwtCallers callers, ProblemSecurityHandlers problems,
                          CallerContextFilter callerContext, List<PublicEndpoints> publicEndpoints) throws Exception {
    http.securityMatcher("/api/**", "/demo/**")
        .authorizeHttpRequests(requests -> {
          for (PublicEndpoints open : publicEndpoints) {
            requests.requestMatchers(open.method(), open.patterns().toArray(String[]::new)).permitAll();
          }
          requests.requestMatchers("/demo/**").permitAll();
          requests.anyRequest().authenticated();
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(callers))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .addFilterAfter(callerContext, BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, DemoLogin demoLogin, CallerContextFilter callerContext,
                            List<ProtectedPages> protectedPages, List<PublicEndpoints> publicEndpoints)
      throws Exception {
    // Public POSTs outside the API (e.g. checking a copy at /verify/{code}) carry no session and change nothing:
    // programs may call them without a CSRF token.
    String[] publicPosts = publicEndpoints.stream().filter(e -> e.method() == org.springframework.http.HttpMethod.POST)
        .flatMap(e -> e.patterns().stream()).filter(p -> !p.startsWith("/api/")).toArray(String[]::new);
    if (publicPosts.length > 0) {
      http.csrf(csrf -> csrf.ignoringRequestMatchers(publicPosts));
    }
    http.authorizeHttpRequests(requests -> {
          // Each module names the pages it keeps for signed-in people (and for which roles); the rest is public.
          for (ProtectedPages pages : protectedPages) {
            var matcher = requests.requestMatchers(pages.patterns().toArray(String[]::new));
            if (pages.roles().isEmpty()) {
              matcher.authenticated();
            } else {
              matcher.hasAnyRole(pages.roles().toArray(String[]::new));
            }
          }
          requests.anyRequest().permitAll();
        })
        // Signed in, a visitor lands where they were going (the saved request), else on the home page.
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .authenticationProvider(demoLogin)
        .logout(logout -> logout.logoutSuccessUrl("/"))
        .addFilterBefore(callerContext, AnonymousAuthenticationFilter.class);
    return http.build();
  }
}
