package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.json.TaggedJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The mutable values behind {@link FlagonConfig.Builder}, with Flask's defaults. A built
 * {@link FlagonConfig} keeps its own copy that nothing can reach, so it stays immutable.
 */
final class Settings implements Cloneable {
  Secret secretKey;
  List<Secret> fallbacks = List.of();
  Duration lifetime = Duration.ofDays(31);
  String applicationRoot = "/";
  String cookieName = "session";
  String cookieDomain;
  String cookiePath;
  boolean httpOnly = true;
  boolean secure;
  SameSite sameSite;
  boolean partitioned;
  boolean refresh = true;
  int maxCookieSize = 4093;
  SizePolicy sizePolicy = SizePolicy.ERROR;
  Signing signing;
  TaggedJson taggedJson;
  Clock clock = Clock.systemUTC();

  /** Flask's {@code SESSION_COOKIE_PATH or APPLICATION_ROOT}, and {@code /} when both are empty. */
  String effectivePath() {
    if (cookiePath != null && !cookiePath.isEmpty()) {
      return cookiePath;
    }
    return applicationRoot != null && !applicationRoot.isEmpty() ? applicationRoot : "/";
  }

  /**
   * Checks what can only be checked as a whole and fills in the defaults that come from other packages.
   *
   * @throws IllegalStateException saying what to fix
   */
  void complete() {
    if (secretKey == null || secretKey.isEmpty()) {
      throw new IllegalStateException("SECRET_KEY is " + (secretKey == null ? "missing" : "empty")
          + ": sessions need a secret key. Generate one with `./flagon secret` or `openssl rand -hex 32`"
          + " and set it as SECRET_KEY (environment: FLAGON_SECRET_KEY).");
    }
    try {
      if (cookieDomain != null) {
        SetCookieFormat.encodeDomain(cookieDomain);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("SESSION_COOKIE_DOMAIN cannot be encoded: " + e.getMessage(), e);
    }
    if (hasLoneSurrogate(effectivePath())) {
      // Python's quote() cannot encode it: Flask would fail on every save.
      throw new IllegalStateException("SESSION_COOKIE_PATH (or APPLICATION_ROOT) has a lone surrogate");
    }
    if (signing == null) {
      signing = Signing.flask();
    }
    if (taggedJson == null) {
      taggedJson = TaggedJson.standard();
    }
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (Character.isHighSurrogate(c) && pair) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  Settings copy() {
    try {
      return (Settings) clone(); // every field is immutable or a value
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }
}
