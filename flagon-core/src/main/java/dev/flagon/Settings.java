package dev.flagon;

import dev.flagon.codec.Secret;
import dev.flagon.codec.SecretPolicy;
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
  int maxChunks = 4;
  boolean allowWeakKey;
  SessionFormat format = SessionFormat.SIGNED;
  boolean encryptionCompression;
  boolean reissueOnFallback;
  SessionValidator validator;
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
    if (!allowWeakKey) {
      refuseWeak("SECRET_KEY", secretKey);
      for (Secret fallback : fallbacks) {
        refuseWeak("SECRET_KEY_FALLBACKS", fallback);
      }
    }
    CookieRules.check(this);
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

  private static void refuseWeak(String name, Secret key) {
    SecretPolicy.weakness(key).ifPresent(reason -> {
      throw new IllegalStateException(name + " is too weak: " + reason + ". Whoever guesses it can forge"
          + " any session. Generate one with `./flagon secret` (32 random bytes as hex) or"
          + " `openssl rand -hex 32`. Only to reproduce Flask test vectors, allow it explicitly:"
          + " SECRET_KEY_ALLOW_WEAK=true (Builder.allowWeakSecretKey()).");
    });
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

  /** Every setting but the keys, of which only the number is shown. */
  String describe() {
    return "FlagonConfig[SECRET_KEY=<redacted>, SECRET_KEY_FALLBACKS=<" + fallbacks.size() + " redacted>,"
        + " PERMANENT_SESSION_LIFETIME=" + lifetime + ", SESSION_COOKIE_NAME=" + cookieName
        + ", SESSION_COOKIE_DOMAIN=" + cookieDomain + ", SESSION_COOKIE_PATH=" + effectivePath()
        + ", SESSION_COOKIE_HTTPONLY=" + httpOnly + ", SESSION_COOKIE_SECURE=" + secure
        + ", SESSION_COOKIE_SAMESITE=" + sameSite + ", SESSION_COOKIE_PARTITIONED=" + partitioned
        + ", SESSION_REFRESH_EACH_REQUEST=" + refresh + ", MAX_COOKIE_SIZE=" + maxCookieSize
        + ", SESSION_SIZE_POLICY=" + sizePolicy + ", SESSION_MAX_CHUNKS=" + maxChunks
        + ", SESSION_FORMAT=" + format.configName() + ", SESSION_ENCRYPTION_COMPRESS=" + encryptionCompression
        + ", SESSION_REISSUE_ON_FALLBACK=" + reissueOnFallback + ", SECRET_KEY_ALLOW_WEAK=" + allowWeakKey
        + (validator != null ? ", sessionValidator" : "") + "]";
  }

  Settings copy() {
    try {
      return (Settings) clone(); // every field is immutable or a value
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }
}
