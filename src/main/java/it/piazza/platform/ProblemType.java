package it.piazza.platform;

import org.springframework.http.HttpStatus;

/**
 * One kind of problem a module can answer with. Each module keeps its own catalogue as an enum implementing this;
 * titles and details live in the {@code i18n/problems} message bundles under {@code problem.<slug>.title} and
 * {@code problem.<slug>.detail}, Italian first.
 */
public interface ProblemType {

  /** The stable prefix of every problem type URI; clients match on it. */
  String TYPE_PREFIX = "urn:piazza:problem:";

  HttpStatus status();

  /** A stable, kebab-case code, e.g. {@code not-a-delegate}. */
  String slug();

  default String typeUri() {
    return TYPE_PREFIX + slug();
  }
}
