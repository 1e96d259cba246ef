package dev.flagon.spring;

import dev.flagon.FlagonConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * Gathers Flagon's settings into one map with Flask's names, for {@code FlagonConfig.Builder.putAll}: the
 * core holds the one parser of these names, so nothing here interprets a value. Later sources win: a bare
 * Flask name ({@code SECRET_KEY}), then its {@code FLAGON_}-prefixed form ({@code FLAGON_SECRET_KEY}, the
 * core's environment convention), then the typed {@code flagon.*} property.
 */
final class FlaskSettings {
  static final String ENVIRONMENT_PREFIX = "FLAGON_";

  private FlaskSettings() {}

  /** The Flask-named settings of this environment and these properties. */
  static Map<String, Object> of(Environment environment, FlagonProperties properties) {
    Map<String, Object> settings = new LinkedHashMap<>();
    // Every name the core's parser reads: Flask's, and those Flagon adds under Flask-style names.
    for (String name : FlagonConfig.settingNames()) {
      putIfSet(settings, name, environment.getProperty(name));
      putIfSet(settings, name, environment.getProperty(ENVIRONMENT_PREFIX + name));
    }
    putIfSet(settings, "SECRET_KEY", properties.getSecretKey());
    putIfSet(settings, "SECRET_KEY_FALLBACKS", properties.getSecretKeyFallbacks());
    putIfSet(settings, "PERMANENT_SESSION_LIFETIME", properties.getPermanentSessionLifetime());
    putIfSet(settings, "SESSION_REFRESH_EACH_REQUEST", properties.getRefreshEachRequest());
    putIfSet(settings, "MAX_COOKIE_SIZE", properties.getMaxCookieSize());
    putIfSet(settings, "SESSION_SIZE_POLICY", properties.getSizePolicy());
    FlagonProperties.Cookie cookie = properties.getCookie();
    putIfSet(settings, "SESSION_COOKIE_NAME", cookie.getName());
    putIfSet(settings, "SESSION_COOKIE_DOMAIN", cookie.getDomain());
    putIfSet(settings, "SESSION_COOKIE_PATH", cookie.getPath());
    putIfSet(settings, "SESSION_COOKIE_HTTPONLY", cookie.getHttpOnly());
    putIfSet(settings, "SESSION_COOKIE_SECURE", cookie.getSecure());
    putIfSet(settings, "SESSION_COOKIE_SAMESITE", cookie.getSameSite());
    putIfSet(settings, "SESSION_COOKIE_PARTITIONED", cookie.getPartitioned());
    return settings;
  }

  /** Whether any source named a secret key (not whether it is valid: the core decides that). */
  static boolean hasSecretKey(Map<String, Object> settings) {
    Object key = settings.get("SECRET_KEY");
    return key != null && !key.toString().isEmpty();
  }

  private static void putIfSet(Map<String, Object> settings, String name, Object value) {
    if (value != null) {
      settings.put(name, value);
    }
  }
}
