package it.piazza.identity;

import java.util.Optional;

/** The caller of the current request. */
public interface Callers {

  /** The authenticated caller; requests that reach a protected endpoint always have one. */
  Caller current();

  Optional<Caller> find();
}
