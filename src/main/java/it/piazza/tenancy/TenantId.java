package it.piazza.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/** A comune as a tenant, named by its IndicePA (IPA) code, e.g. {@code c_f704}: unique among Italian bodies. */
public record TenantId(String value) {

  private static final Pattern IPA = Pattern.compile("[a-z][a-z0-9_]{0,19}");

  public TenantId {
    Objects.requireNonNull(value, "tenant id");
    if (!IPA.matcher(value).matches()) {
      throw new IllegalArgumentException("A tenant id is an IPA code such as c_f704, not '" + value + "'");
    }
  }

  public static TenantId of(String value) {
    return new TenantId(value == null ? null : value.trim().toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
