package it.piazza.platform;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * API endpoints a module opens to everyone (no token), e.g. the service catalogue. Declared as beans; everything
 * else under {@code /api} needs a token.
 */
public record PublicEndpoints(HttpMethod method, List<String> patterns) {

  public static PublicEndpoints get(String... patterns) {
    return new PublicEndpoints(HttpMethod.GET, List.of(patterns));
  }
}
