package dev.flagon;

import java.util.Locale;

/** The cookie's {@code SameSite} attribute, which limits when a browser sends it with cross-site requests. */
public enum SameSite {
  STRICT,
  LAX,
  NONE;

  /** The value as written in {@code Set-Cookie}: {@code Strict}, {@code Lax} or {@code None}. */
  public String attributeValue() {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
  }
}
