package it.piazza.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown to answer a request with a problem from a module's catalogue; rendered as application/problem+json. */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final Object[] detailArguments;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public ProblemException(ProblemType type, Object... detailArguments) {
    super(type.slug());
    this.type = type;
    this.detailArguments = detailArguments;
  }

  /** Adds a member to the problem answer (RFC 9457 extension member), e.g. field errors. */
  public ProblemException with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public ProblemType type() {
    return type;
  }

  public Object[] detailArguments() {
    return detailArguments.clone();
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }
}
