package dev.flagon.login;

import java.math.BigInteger;
import java.time.Duration;

/**
 * The options of Flask-Login's {@code login_user(user, remember, duration, force, fresh)}.
 *
 * @param remember whether to set the remember cookie after the request
 * @param duration the remember cookie's lifetime, stored as {@code _remember_seconds}; {@code null} for
 *     {@code REMEMBER_COOKIE_DURATION}. Python keeps microseconds: finer parts are dropped
 * @param force whether to log in a user that is not {@link LoginUser#isActive() active}
 * @param fresh whether the login counts as fresh ({@code _fresh})
 */
public record LoginOptions(boolean remember, Duration duration, boolean force, boolean fresh) {
  /** Flask-Login's defaults: not remembered, not forced, fresh. */
  public static final LoginOptions DEFAULT = new LoginOptions(false, null, false, true);

  // Python's timedelta.min and timedelta.max.
  private static final Duration MIN = Duration.ofDays(-999_999_999);
  private static final Duration MAX = Duration.ofDays(1_000_000_000).minusNanos(1000);

  /** @throws IllegalArgumentException if the duration is outside Python's timedelta range (±999999999 days) */
  public LoginOptions {
    if (duration != null && (duration.compareTo(MAX) > 0 || duration.compareTo(MIN) < 0)) {
      throw new IllegalArgumentException("a login's remember duration must be within 999999999 days, not "
          + duration);
    }
  }

  /** These options with {@code remember} set. */
  public LoginOptions withRemember(boolean remember) {
    return new LoginOptions(remember, duration, force, fresh);
  }

  /** These options with this remember duration ({@code null} for the configured one). */
  public LoginOptions withDuration(Duration duration) {
    return new LoginOptions(remember, duration, force, fresh);
  }

  /** These options with {@code force} set. */
  public LoginOptions withForce(boolean force) {
    return new LoginOptions(remember, duration, force, fresh);
  }

  /** These options with {@code fresh} set. */
  public LoginOptions withFresh(boolean fresh) {
    return new LoginOptions(remember, duration, force, fresh);
  }

  /** Python's {@code duration.total_seconds()}, as {@code login_user} stores it: a float. */
  double totalSeconds() {
    // The exact microseconds, then one rounding to a float, as Python's int / float does.
    BigInteger micros = BigInteger.valueOf(duration.getSeconds()).multiply(BigInteger.valueOf(1_000_000))
        .add(BigInteger.valueOf(duration.getNano() / 1000));
    return micros.doubleValue() / 1e6;
  }
}
