package dev.flagon;

import dev.flagon.internal.CookieHeader;
import dev.flagon.internal.Python;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A cookie as Werkzeug 3.1 writes ({@code dump_cookie}) and reads it ({@code parse_cookie}), for the session
 * cookie, a store's session-id cookie or an extension's own ({@code remember_token}). Attributes are checked
 * once when built, stricter than Werkzeug: configuration can never put a separator or a control character
 * into a header. Immutable and thread-safe.
 */
public final class WerkzeugCookie {
  /** What a cookie name must be, for messages. */
  static final String TOKEN_RULE = "a non-empty HTTP token (letters, digits and !#$%&'*+-.^_`|~)";
  private static final String VALUE_SAFE = "_!#$%&'()*+-./:<=>?@[]^`{|}~";
  private static final String PATH_SAFE = "_.-~%!$&'()*+,/:=@";

  private final String name;
  /** {@code ; Domain=...}, or empty: Werkzeug writes it between the value and {@code Expires}. */
  private final String domainPart;
  /** The attributes after {@code Expires} and {@code Max-Age}: Secure, HttpOnly, Path, SameSite, Partitioned. */
  private final String tail;

  private WerkzeugCookie(String name, String domainPart, String tail) {
    this.name = name;
    this.domainPart = domainPart;
    this.tail = tail;
  }

  /** A builder with {@code set_cookie}'s defaults: path {@code /}, no other attribute. */
  public static Builder builder(String name) {
    return new Builder(Objects.requireNonNull(name, "name"));
  }

  /** The cookie's name. */
  public String name() {
    return name;
  }

  /** The same attributes for another name (an HTTP token), as for the chunks of a split session. */
  public WerkzeugCookie withName(String otherName) {
    if (!isToken(otherName)) {
      throw new IllegalArgumentException("a cookie name must be " + TOKEN_RULE);
    }
    return new WerkzeugCookie(otherName, domainPart, tail);
  }

  /** The {@code Set-Cookie} value that sets the cookie; {@code expires} null for a browser-session cookie. */
  public String set(String value, Instant expires) {
    String expiry = expires == null ? "" : "; Expires=" + Python.httpDate(expires.getEpochSecond());
    return name + "=" + quoteValue(Objects.requireNonNull(value, "value")) + domainPart + expiry + tail;
  }

  /** The {@code Set-Cookie} value that deletes the cookie, as Werkzeug's {@code delete_cookie}. */
  public String delete() {
    return name + "=" + domainPart + "; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0" + tail;
  }

  /** The first value of the named cookie in {@code Cookie} header values (null ones skipped), or null. */
  public static String firstValue(List<String> cookieHeaderValues, String name) {
    Objects.requireNonNull(cookieHeaderValues, "cookieHeaderValues");
    return CookieHeader.firstValues(cookieHeaderValues, Objects.requireNonNull(name, "name")::equals).get(name);
  }

  @Override
  public String toString() {
    return "WerkzeugCookie[" + name + domainPart + tail + "]";
  }

  /**
   * Werkzeug's quoting: unchanged if only letters, digits and {@code _!#$%&'()*+-./:<=>?@[]^`{|}~} occur; else
   * in quotes, {@code "} and {@code \} escaped, the UTF-8 bytes 0x00-0x19, {@code ,;} and 0x7F-0xFF in octal
   * (0x1A-0x1F stay raw, as there).
   */
  static String quoteValue(String value) {
    int i = 0;
    while (i < value.length() && (isAsciiAlnum(value.charAt(i)) || VALUE_SAFE.indexOf(value.charAt(i)) >= 0)) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder("\"");
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c <= 0x19 || c == ',' || c == ';' || c >= 0x7f) {
        out.append('\\').append(c >> 6).append((c >> 3) & 7).append(c & 7); // three octal digits
      } else {
        out.append((char) c);
      }
    }
    return out.append('"').toString();
  }

  private static boolean isAsciiAlnum(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Whether the name is an HTTP token, as a cookie name is written unquoted. */
  static boolean isToken(String name) {
    return name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
  }

  /**
   * Werkzeug's domain: cut at the first {@code :}, leading dots stripped, Python's IDNA 2003 per label (ASCII
   * ones unchanged; ideographic and full-width dots separate too); null if nothing is left. Refused: a control
   * character, space, {@code ;} or {@code ,}, then anything but host-name labels (Werkzeug writes {@code "}).
   *
   * @throws IllegalStateException naming the setting
   */
  static String encodeDomain(String setting, String configured) {
    refuse(setting, configured, c -> Character.isISOControl(c) || Character.isWhitespace(c)
        || Character.isSpaceChar(c) || c == ';' || c == ',', "a control character, a space, ';' or ','",
        ", which would break the Set-Cookie header: set a host name such as example.com.");
    int colon = configured.indexOf(':');
    String host = (colon < 0 ? configured : configured.substring(0, colon)).replaceFirst("^\\.+", "");
    String[] labels = host.split("[.\u3002\uff0e\uff61]", -1);
    for (int i = 0; i < labels.length; i++) {
      try {
        labels[i] = labels[i].chars().allMatch(c -> c < 0x80) ? labels[i]
            : IDN.toASCII(labels[i], IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(setting + " cannot be encoded: " + e.getMessage(), e);
      }
      boolean trailingDot = i == labels.length - 1 && labels[i].isEmpty(); // kept, as Werkzeug keeps it
      if (!trailingDot && !labels[i].matches("[A-Za-z0-9_-]{1,63}")) {
        throw new IllegalStateException(setting + " cannot be encoded: a domain label must be 1 to 63 letters,"
            + " digits, '-' or '_'");
      }
    }
    return host.isEmpty() ? null : String.join(".", labels);
  }

  /** Refuses a control character or a lone surrogate (Python's {@code quote()} fails). @throws IllegalStateException */
  static void checkPath(String setting, String path) {
    refuse(setting, path, Character::isISOControl, "a control character", ": set a URL path such as /app.");
    int lone = Python.loneSurrogateIndex(path);
    if (lone >= 0) {
      throw new IllegalStateException(setting + " has a lone surrogate at index " + lone);
    }
  }

  /** Refuses the first {@code bad} character of a setting's text, naming it and its index. */
  private static void refuse(String setting, String text, IntPredicate bad, String what, String advice) {
    for (int i = 0; i < text.length(); i++) {
      if (bad.test(text.charAt(i))) {
        throw new IllegalStateException(setting + " has " + what + " (" + String.format("U+%04X", (int) text.charAt(i))
            + " at index " + i + ")" + advice);
      }
    }
  }

  /** Python's {@code urllib.parse.quote(path, safe="%!$&'()*+,/:=@")}: UTF-8, upper-case hex. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      out.append(isAsciiAlnum(c) || PATH_SAFE.indexOf(c) >= 0 ? String.valueOf((char) c)
          : String.format("%%%02X", c));
    }
    return out.toString();
  }

  /** Builds a {@link WerkzeugCookie}; each attribute as in Werkzeug's {@code set_cookie}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String domain;
    private String path = "/";
    private boolean secure;
    private boolean httpOnly;
    private SameSite sameSite;
    private boolean partitioned;
    private String settingPrefix;

    private Builder(String name) {
      this.name = name;
    }

    /** The {@code Domain} attribute (a host name), or null or empty for a host-only cookie. */
    public Builder domain(String domain) { this.domain = domain; return this; }
    /** The {@code Path} attribute, default {@code /}; null writes none. */
    public Builder path(String path) { this.path = path; return this; }
    /** The {@code Secure} attribute. */
    public Builder secure(boolean secure) { this.secure = secure; return this; }
    /** The {@code HttpOnly} attribute. */
    public Builder httpOnly(boolean httpOnly) { this.httpOnly = httpOnly; return this; }
    /** The {@code SameSite} attribute, or null for none. */
    public Builder sameSite(SameSite sameSite) { this.sameSite = sameSite; return this; }
    /** The {@code Partitioned} attribute (CHIPS); it also makes the cookie Secure, as in Werkzeug. */
    public Builder partitioned(boolean partitioned) { this.partitioned = partitioned; return this; }

    /** The settings' prefix ({@code REMEMBER_COOKIE_}), so that a refusal names the setting to fix. */
    public Builder settingPrefix(String prefix) { this.settingPrefix = prefix; return this; }

    /** The cookie, its attributes checked and encoded. @throws IllegalStateException naming the setting */
    public WerkzeugCookie build() {
      if (!isToken(name)) {
        throw new IllegalStateException(label("NAME", "name") + " must be " + TOKEN_RULE);
      }
      String encodedDomain = domain == null || domain.isEmpty() ? null
          : encodeDomain(label("DOMAIN", "Domain"), domain);
      if (path != null) {
        checkPath(label("PATH", "Path"), path);
      }
      return new WerkzeugCookie(name, encodedDomain == null ? "" : "; Domain=" + encodedDomain,
          (secure || partitioned ? "; Secure" : "") + (httpOnly ? "; HttpOnly" : "")
              + (path == null ? "" : "; Path=" + encodePath(path))
              + (sameSite == null ? "" : "; SameSite=" + sameSite.attributeValue())
              + (partitioned ? "; Partitioned" : ""));
    }

    private String label(String setting, String attribute) {
      return settingPrefix == null ? "the cookie's " + attribute : settingPrefix + setting;
    }
  }
}
