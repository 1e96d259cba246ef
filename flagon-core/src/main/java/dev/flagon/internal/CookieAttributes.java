package dev.flagon.internal;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks and encodings of a cookie's name, domain and path for {@link dev.flagon.WerkzeugCookie}: as
 * Werkzeug 3.1's {@code dump_cookie} encodes them, and stricter where Werkzeug would let configuration put
 * a separator or a control character into a header. Each refusal names the setting it came from.
 */
public final class CookieAttributes {
  /** What a cookie name must be, for messages. */
  public static final String TOKEN_RULE = "a non-empty HTTP token (letters, digits and !#$%&'*+-.^_`|~)";
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final String PATH_SAFE = "_.-~%!$&'()*+,/:=@";
  private static final String HEX = "0123456789ABCDEF";

  private CookieAttributes() {}

  /** Whether c is an ASCII letter or digit. */
  public static boolean isAsciiAlnum(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Whether the name is an HTTP token, which a cookie name is written as (unquoted). */
  public static boolean isToken(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c < 0x80
        && (isAsciiAlnum(c) || TOKEN_SYMBOLS.indexOf(c) >= 0));
  }

  /** {@code U+000A}: a character named in a message without writing it. */
  public static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /**
   * Werkzeug's domain: cut at the first {@code :}, strip leading dots, then Python's IDNA 2003 codec per
   * label (ASCII labels unchanged, others nameprepped and punycoded); null when nothing is left. Refused
   * first: a control character, a space, {@code ;} or {@code ,}; after: anything but host-name characters
   * (Werkzeug would also write {@code "} or {@code =}).
   *
   * @param setting the setting it came from, named in the message
   * @throws IllegalStateException naming the setting
   */
  public static String encodeDomain(String setting, String configured) {
    for (int i = 0; i < configured.length(); i++) {
      char c = configured.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ';'
          || c == ',') {
        throw new IllegalStateException(setting + " has a control character, a space, ';' or ',' ("
            + codePoint(c) + " at index " + i + "), which would break the Set-Cookie header: set a host name"
            + " such as example.com.");
      }
    }
    try {
      return encodeDomain(configured).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " cannot be encoded: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #encodeDomain(String, String)} without the character check; empty when nothing is left.
   *
   * @throws IllegalArgumentException if a label cannot be encoded (empty in the middle, too long, ...) or
   *     is not made of letters, digits, {@code -} and {@code _}
   */
  public static Optional<String> encodeDomain(String configured) {
    int colon = configured.indexOf(':');
    String host = (colon < 0 ? configured : configured.substring(0, colon)).replaceFirst("^\\.+", "");
    if (host.isEmpty()) {
      return Optional.empty();
    }
    // Python's idna codec also splits at the ideographic and full-width dots.
    String[] labels = host.split("[.\u3002\uff0e\uff61]", -1);
    List<String> encoded = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      if (i == labels.length - 1 && labels[i].isEmpty()) {
        encoded.add(""); // a trailing dot is kept
        continue;
      }
      String ascii = labels[i].chars().allMatch(c -> c < 0x80) ? labels[i]
          : IDN.toASCII(labels[i], IDN.ALLOW_UNASSIGNED);
      if (ascii.isEmpty() || ascii.length() > 63) {
        throw new IllegalArgumentException("a domain label is empty or longer than 63 characters");
      }
      if (!ascii.chars().allMatch(c -> c < 0x80 && (isAsciiAlnum(c) || c == '-' || c == '_'))) {
        throw new IllegalArgumentException("a domain label may have only letters, digits, '-' and '_'");
      }
      encoded.add(ascii);
    }
    return Optional.of(String.join(".", encoded));
  }

  /** Python's {@code urllib.parse.quote(path, safe="%!$&'()*+,/:=@")}: UTF-8, upper-case hex. */
  public static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isAsciiAlnum(c) || PATH_SAFE.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /**
   * A control character or a lone surrogate (which Python's {@code quote()} cannot encode) is refused.
   *
   * @param setting the setting it came from, named in the message
   * @throws IllegalStateException naming the setting
   */
  public static void checkPath(String setting, String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalStateException(setting + " has a control character (" + codePoint(c) + " at index "
            + i + "): set a URL path such as /app.");
      }
    }
    int lone = LoneSurrogates.indexIn(path);
    if (lone >= 0) {
      throw new IllegalStateException(setting + " has a lone surrogate at index " + lone);
    }
  }
}
