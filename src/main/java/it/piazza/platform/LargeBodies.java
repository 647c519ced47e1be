package it.piazza.platform;

import java.util.Objects;
import org.springframework.util.unit.DataSize;

/**
 * An endpoint a module lets receive bodies larger than the general limit ({@code piazza.web.max-body-size}), e.g.
 * a submission package for a preservation pole. Declared as a bean; the body is still counted, against this limit.
 *
 * @param path the exact request path
 */
public record LargeBodies(String path, DataSize limit) {

  public LargeBodies {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(limit, "limit");
  }
}
