package dev.flagon;

import java.util.Locale;

/** How the session is carried in the cookie ({@code SESSION_FORMAT}). */
public enum SessionFormat {
  /** Flask's signed cookie, byte for byte (the default): readable by anyone holding it, not changeable. */
  SIGNED("signed"),
  /**
   * A compact JWE ({@code alg} {@code dir}, {@code enc} {@code A256GCM}): unreadable and unchangeable
   * without the key. Flask cannot read these cookies, and signed cookies are not accepted.
   */
  ENCRYPTED("encrypted"),
  /**
   * Writes {@link #ENCRYPTED} cookies and still reads Flask's signed ones, re-issuing each encrypted on the
   * response: the way from {@link #SIGNED} to {@link #ENCRYPTED} without logging anyone out.
   */
  ENCRYPTED_MIGRATE("encrypted-migrate");

  private final String configName;

  SessionFormat(String configName) {
    this.configName = configName;
  }

  /** The name used in configuration: {@code signed}, {@code encrypted} or {@code encrypted-migrate}. */
  public String configName() {
    return configName;
  }

  /**
   * The format for a configured name, in any case, {@code _} standing for {@code -}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static SessionFormat fromName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (SessionFormat format : values()) {
      if (format.configName.equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "SESSION_FORMAT must be signed, encrypted or encrypted-migrate, not '" + name + "'");
  }
}
