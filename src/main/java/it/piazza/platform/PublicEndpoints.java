package it.piazza.platform;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * Endpoints a module opens to everyone (no token), e.g. the service catalogue. Declared as beans; everything else
 * under {@code /api} needs a token. Public POSTs outside {@code /api} (e.g. {@code /verify/**}) are also exempt from
 * the pages' CSRF check: they carry no session and must change nothing.
 */
public record PublicEndpoints(HttpMethod method, List<String> patterns) {

  public static PublicEndpoints get(String... patterns) {
    return new PublicEndpoints(HttpMethod.GET, List.of(patterns));
  }
}
