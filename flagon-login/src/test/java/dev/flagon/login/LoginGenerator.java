package dev.flagon.login;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random inputs for the live Flask-Login tests, chosen to reach Flask-Login's byte-level quirks. */
final class LoginGenerator {
  private static final String[] AGENTS = {"Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
      "it's", "say \"hi\"", "it's \"both\" \\ and a backslash", "caf\u00e9 \u00fc\u00df", "\u65e5\u672c\u8a9e \uD83D\uDE00",
      "tab\there", "", "ctrl\u0001\u001f\u007f", "curl/8.5.0"};
  private static final String[] FORWARDED = {"203.0.113.7", "203.0.113.7, 10.0.0.1", "  2001:db8::1 ,10.0.0.2", "",
      "\u00e9,x", " \t 198.51.100.3\u000b\u000c", "1.2.3.4'", ",", "unknown, 10.0.0.9"};
  private static final String[] ADDRESSES = {"127.0.0.1", "::1", "2001:db8::7", "10.1.2.3", null};
  private static final String[] SECRETS = {"dev", "a longer key with spaces", "caf\u00e9 key \u00ff", ""};
  private static final String[] SAMESITE = {"Lax", "strict", "None"};
  private static final String[] FIXED_IDS = {"12345", "0042", "-1", "1e3", "3.14", "a|b", "|", "||x|", "",
      "Jos\u00e9", "\u65e5\u672c", "\uD83D\uDE00 emoji", "\u00e9|\u00fc", "a b\"c\\d;e,f=g", "ghost"};

  private final Random random;

  LoginGenerator(Random random) {
    this.random = random;
  }

  private <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  String id() {
    switch (random.nextInt(5)) {
      case 0: return pick(FIXED_IDS);
      case 1: return Integer.toString(random.nextInt(1_000_000));
      case 2: return text(1000 + random.nextInt(4000), "abcXYZ019-_|\u00e9\u4e2d");
      case 3: return text(1 + random.nextInt(12), "ab|\u00e9\u00ff\u0100\u4e2d\uD83D\uDE00 ;,=\"'\\");
      default: return text(1 + random.nextInt(20), "abcdefghijklmnopqrstuvwxyz0123456789");
    }
  }

  private String text(int length, String alphabet) {
    int[] points = alphabet.codePoints().toArray();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return out.toString();
  }

  List<List<String>> headers() {
    List<List<String>> headers = new ArrayList<>();
    if (random.nextInt(6) != 0) {
      headers.add(List.of("User-Agent", pick(AGENTS)));
    }
    if (random.nextInt(3) == 0) {
      headers.add(List.of("X-Forwarded-For", pick(FORWARDED)));
    }
    return headers;
  }

  String remoteAddress() {
    return pick(ADDRESSES);
  }

  String secret() {
    return pick(SECRETS);
  }

  /** Each setting left out (Flask-Login's default) or given, {@code None} included. */
  Map<String, Object> config() {
    Map<String, Object> config = new LinkedHashMap<>();
    maybe(config, "SESSION_PROTECTION", new Object[] {"basic", "strong", "strong", null});
    maybe(config, "REMEMBER_COOKIE_DURATION", new Object[] {random.nextInt(100_000_000), 60, 0});
    maybe(config, "REMEMBER_COOKIE_NAME", new Object[] {"rt"});
    maybe(config, "REMEMBER_COOKIE_DOMAIN", new Object[] {".example.com"});
    maybe(config, "REMEMBER_COOKIE_PATH", new Object[] {"/app"});
    maybe(config, "REMEMBER_COOKIE_SECURE", new Object[] {true, false});
    maybe(config, "REMEMBER_COOKIE_HTTPONLY", new Object[] {true, false});
    maybe(config, "REMEMBER_COOKIE_SAMESITE", new Object[] {pick(SAMESITE), null});
    maybe(config, "REMEMBER_COOKIE_REFRESH_EACH_REQUEST", new Object[] {true, false});
    return config;
  }

  private void maybe(Map<String, Object> config, String name, Object[] values) {
    if (random.nextBoolean()) {
      config.put(name, pick(values));
    }
  }

  /** A session as a request brings it: empty, someone else's data, or a login in one of its states. */
  Map<String, Object> session(String id, String identifier) {
    Map<String, Object> session = new LinkedHashMap<>();
    int kind = random.nextInt(8);
    if (kind == 1) {
      session.put("csrf_token", "0123456789abcdef0123456789abcdef01234567");
    } else if (kind >= 2) {
      session.put("_user_id", kind == 7 ? (Object) 12345L : id);
      session.put("_fresh", random.nextBoolean());
      if (random.nextInt(4) != 0) {
        session.put("_id", random.nextInt(3) == 0 ? "0".repeat(128) : identifier);
      }
      if (kind == 3) {
        session.put("_remember", random.nextBoolean() ? "clear" : "set");
      }
      if (kind == 4) {
        session.put("_remember_seconds", random.nextBoolean() ? (Object) (random.nextDouble() * 1e6)
            : (Object) (long) random.nextInt(1_000_000));
      }
      if (kind == 5) {
        session.put("next", "/account");
      }
      if (random.nextInt(4) == 0) {
        session.put("_permanent", true);
      }
    }
    return session;
  }

  /** No remember cookie, a valid one (for this id or another), or a broken one. */
  List<List<String>> cookies(String id, String secret, String cookieName) {
    RememberToken token = new RememberToken(secret.getBytes(StandardCharsets.ISO_8859_1));
    String value;
    switch (random.nextInt(7)) {
      case 0: case 1: return List.of();
      case 2: case 3: value = token.encode(id); break;
      case 4: value = token.encode(random.nextBoolean() ? "ghost" : "someone else"); break;
      case 5: value = tamper(token.encode(id)); break;
      default: value = random.nextBoolean() ? "no bar at all"
          : new RememberToken("another key".getBytes(StandardCharsets.ISO_8859_1)).encode(id);
    }
    List<List<String>> cookies = new ArrayList<>();
    cookies.add(List.of(cookieName, value));
    if (random.nextInt(4) == 0) {
      cookies.add(List.of("session", "irrelevant"));
    }
    return cookies;
  }

  /**
   * One character changed. Not the separator when the id's last {@code |}-part is non-ASCII: the digest
   * would then begin there, and a non-ASCII digest makes Flask-Login raise (a 500, which
   * {@code FlaskLoginInteropTest} covers on its own).
   */
  private String tamper(String cookie) {
    StringBuilder out = new StringBuilder(cookie);
    int separator = cookie.lastIndexOf('|');
    String idTail = cookie.substring(cookie.lastIndexOf('|', separator - 1) + 1, separator);
    boolean keepSeparator = !idTail.chars().allMatch(c -> c < 128);
    int at = random.nextInt(out.length());
    // surrogates stay whole: the text must stay valid Unicode for the JSON transport
    while (Character.isSurrogate(out.charAt(at)) || keepSeparator && at == separator) {
      at = random.nextInt(out.length());
    }
    out.setCharAt(at, out.charAt(at) == 'a' ? 'b' : 'a');
    return out.toString();
  }

  Map<String, Object> loginOptions() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("remember", random.nextInt(3) != 0);
    options.put("duration_us", switch (random.nextInt(4)) {
      case 0 -> null;
      case 1 -> (long) random.nextInt(100_000_000);
      case 2 -> random.nextLong() % 10_000_000_000_000_000L; // ±317 years, microseconds included
      default -> (long) random.nextInt(1000) * 1_000_000L;
    });
    options.put("force", random.nextInt(3) == 0);
    options.put("fresh", random.nextInt(4) != 0);
    return options;
  }
}
