package it.piazza.identity;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do. Citizens act for themselves and their delegators; operators for their office. */
public enum Role {
  CITIZEN,
  OPERATOR,
  OFFICE_MANAGER,
  ADMINISTRATOR,
  SYSTEM;

  /** The name used in tokens and JSON: {@code office-manager}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> fromCode(String code) {
    for (Role role : values()) {
      if (role.code().equalsIgnoreCase(code) || role.name().equalsIgnoreCase(code)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
