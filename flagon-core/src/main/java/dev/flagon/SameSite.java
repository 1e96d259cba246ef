package dev.flagon;

/** The cookie's {@code SameSite} attribute. */
public enum SameSite {
  STRICT("Strict"),
  LAX("Lax"),
  NONE("None");

  private final String attributeValue;

  SameSite(String attributeValue) {
    this.attributeValue = attributeValue;
  }

  /** The value as written in {@code Set-Cookie}: {@code Strict}, {@code Lax} or {@code None}. */
  public String attributeValue() {
    return attributeValue;
  }

  /**
   * Parses a configured value case-insensitively, as Flask title-cases it.
   *
   * @throws IllegalArgumentException for anything but strict, lax or none (an empty string included)
   */
  public static SameSite fromName(String name) {
    for (SameSite value : values()) {
      if (value.attributeValue.equalsIgnoreCase(name)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "SESSION_COOKIE_SAMESITE must be Strict, Lax or None (or unset), not '" + name + "'");
  }
}
