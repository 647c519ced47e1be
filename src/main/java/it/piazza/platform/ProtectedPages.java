package it.piazza.platform;

import java.util.List;
import java.util.Set;

/**
 * Pages a module keeps for signed-in people, optionally only for some roles ({@code OPERATOR}…). Declared as beans,
 * like {@link PublicEndpoints}; a visitor who is not signed in is sent to sign in and then brought back.
 */
public record ProtectedPages(List<String> patterns, Set<String> roles) {

  public ProtectedPages {
    patterns = List.copyOf(patterns);
    roles = Set.copyOf(roles);
  }

  public static ProtectedPages signedIn(String... patterns) {
    return new ProtectedPages(List.of(patterns), Set.of());
  }

  public static ProtectedPages forRoles(List<String> patterns, String... roles) {
    return new ProtectedPages(patterns, Set.of(roles));
  }
}
