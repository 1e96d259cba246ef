package dev.flagon.demo;

import dev.flagon.FlagonConfig;
import dev.flagon.SessionInterface;
import dev.flagon.SizePolicy;
import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance server's configuration: a JSON object with the {@code config} and {@code signing}
 * members of an HTTP vector flow. Secret keys are strings, {@code null}, or
 * {@code {"type": "bytes", "base64": ...}}; {@code signing} is {@code {"salt", "digest", "key_derivation"}}.
 */
final class ConformanceSettings {
  private final Map<String, Object> flaskConfig;
  private final Signing signing;
  private final boolean sessionsDisabled;
  private final String applicationRoot;
  /** The config with keys as Python holds them (text or bytes), for Flask-Login and Flask-WTF. */
  private final Map<String, Object> extensionConfig;

  private ConformanceSettings(Map<String, Object> flaskConfig, Signing signing, boolean sessionsDisabled,
      String applicationRoot, Map<String, Object> extensionConfig) {
    this.flaskConfig = flaskConfig;
    this.signing = signing;
    this.sessionsDisabled = sessionsDisabled;
    this.applicationRoot = applicationRoot;
    this.extensionConfig = extensionConfig;
  }

  /** Reads a settings file. @throws IOException if it cannot be read or is not valid JSON */
  static ConformanceSettings read(Path file) throws IOException {
    return of(JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /**
   * Settings from parsed JSON (as {@link JsonValues} gives it): an object with {@code config} and an
   * optional {@code signing}, such as a flow of {@code http-vectors.json}.
   *
   * @throws IllegalArgumentException if a member has the wrong shape
   */
  static ConformanceSettings of(Object json) {
    Map<String, Object> settings = object(json, "the settings");
    Map<String, Object> config = object(settings.get("config"), "config");
    // null stays null: Flagon's parser reads it as Flask reads None (MAX_COOKIE_SIZE None turns the size
    // check off, SESSION_COOKIE_HTTPONLY None is false), which is not always the default.
    Map<String, Object> flask = new HashMap<>();
    config.forEach((name, value) -> flask.put(name, value == null ? null : typed(name, value)));
    boolean disabled = !(flask.get("SECRET_KEY") instanceof Secret key) || key.isEmpty();
    Object root = flask.get("APPLICATION_ROOT");
    String applicationRoot = root == null ? "/" : string(root, "APPLICATION_ROOT");
    Map<String, Object> extensions = new HashMap<>(config);
    for (String key : List.of("SECRET_KEY", "WTF_CSRF_SECRET_KEY")) {
      if (config.get(key) instanceof Map<?, ?>) {
        extensions.put(key, bytes(config.get(key), key));
      }
    }
    return new ConformanceSettings(Collections.unmodifiableMap(flask), signing(settings.get("signing")), disabled,
        applicationRoot, Collections.unmodifiableMap(extensions));
  }

  /**
   * The config as Flask-Login and Flask-WTF read it ({@code SESSION_PROTECTION}, {@code REMEMBER_COOKIE_*},
   * {@code WTF_CSRF_*}), keys as text or bytes.
   */
  Map<String, Object> extensionConfig() {
    return extensionConfig;
  }

  /** Whether {@code SECRET_KEY} is null or empty: Flask then serves its null session. */
  boolean sessionsDisabled() {
    return sessionsDisabled;
  }

  /**
   * Flask's {@code url_for("index")} when the app is mounted at {@code APPLICATION_ROOT}, as the Flask test
   * client that recorded the vectors mounts it.
   */
  String indexUrl() {
    String trimmed = applicationRoot.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? "/" : "/" + trimmed + "/";
  }

  /**
   * The sessions this configuration serves, on this clock: {@code SESSION_TYPE} picks Flagon's cookie
   * sessions (in the configured format and size policy) or Flask-Session's Redis sessions; empty when sessions are disabled (Flask's null session).
   *
   * @throws IllegalStateException if a value is invalid
   */
  Optional<SessionInterface> sessions(Clock clock) {
    return sessionsDisabled ? Optional.empty() : Optional.of(SessionInterface.create(flagonConfig(clock)));
  }

  /**
   * The Flagon configuration, in Flask-compatible mode: unless {@code SESSION_SIZE_POLICY} says otherwise
   * (such as {@code split}), an oversized cookie is sent with a warning (Flask's behaviour) instead of
   * failing, and any non-empty key Flask accepts is accepted (Flagon's own default refuses short and
   * placeholder keys).
   *
   * @throws IllegalStateException if sessions are disabled or a value is invalid
   */
  FlagonConfig flagonConfig(Clock clock) {
    return FlagonConfig.builder()
        .sizePolicy(SizePolicy.WARN)
        .putAll(flaskConfig)
        .signing(signing)
        .allowWeakSecretKey()
        .clock(clock)
        .build();
  }

  private static Object typed(String name, Object value) {
    switch (name) {
      case "SECRET_KEY":
        return secret(value, name);
      case "SECRET_KEY_FALLBACKS":
        List<Secret> fallbacks = new ArrayList<>();
        for (Object key : list(value, name)) {
          fallbacks.add(secret(key, name));
        }
        return fallbacks;
      case "PERMANENT_SESSION_LIFETIME":
        if (value instanceof Number seconds) {
          return Duration.ofSeconds(seconds.longValue());
        }
        return value;
      default:
        return value;
    }
  }

  private static Secret secret(Object key, String name) {
    return key instanceof String text ? Secret.fromText(text) : Secret.fromBytes(bytes(key, name));
  }

  private static byte[] bytes(Object key, String name) {
    Map<String, Object> tagged = object(key, name);
    if (!"bytes".equals(tagged.get("type")) || !(tagged.get("base64") instanceof String base64)) {
      throw new IllegalArgumentException(
          name + " must be a string or {\"type\": \"bytes\", \"base64\": ...}");
    }
    return Base64.getDecoder().decode(base64);
  }

  private static Signing signing(Object json) {
    if (json == null) {
      return Signing.flask();
    }
    Map<String, Object> signing = object(json, "signing");
    return Signing.of(
        string(signing.getOrDefault("salt", "cookie-session"), "signing.salt"),
        Digest.fromName(string(signing.getOrDefault("digest", "sha1"), "signing.digest")),
        KeyDerivation.fromName(
            string(signing.getOrDefault("key_derivation", "hmac"), "signing.key_derivation")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json, String what) {
    if (json instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(what + " must be a JSON object");
  }

  private static List<?> list(Object json, String what) {
    if (json instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(what + " must be a JSON array");
  }

  private static String string(Object json, String what) {
    if (json instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException(what + " must be a JSON string");
  }
}
