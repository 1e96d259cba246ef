package dev.flagon;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The session cookie's attributes, checked and encoded once when the configuration is built, so that
 * {@code Set-Cookie} can never carry a separator or a control character from configuration. Werkzeug
 * refuses only CR and LF (in its header check); Flagon refuses every control character, space, {@code ;}
 * and {@code ,} in the domain, keeps only host-name characters after Werkzeug's encoding, and
 * percent-encodes the path as Werkzeug does (control characters in it are refused by {@link ConfigChecks}).
 *
 * @param domain the encoded domain, or null for a host-only cookie
 * @param path the percent-encoded path
 * @param secure whether {@code Secure} is written: configured, or forced by {@code partitioned}
 */
record CookieAttributes(String name, String domain, String path, boolean secure, boolean httpOnly,
    SameSite sameSite, boolean partitioned) {
  static final String TOKEN_RULE = "a non-empty HTTP token (letters, digits and !#$%&'*+-.^_`|~)";
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";
  private static final String PATH_SAFE = "_.-~%!$&'()*+,/:=@";
  private static final String HEX = "0123456789ABCDEF";

  /**
   * The attributes of a configuration that passed {@link ConfigChecks}.
   *
   * @throws IllegalStateException naming the setting to change
   */
  static CookieAttributes of(FlagonConfig c) {
    return encode(c.cookieName(), c.cookieDomain().orElse(null), c.cookiePath(), c.cookieSecure(),
        c.cookieHttpOnly(), c.cookieSameSite().orElse(null), c.cookiePartitioned());
  }

  /**
   * Encodes attributes as Werkzeug's {@code dump_cookie} does (Partitioned forces Secure).
   *
   * @throws IllegalStateException if the domain has a separator or control character or cannot be encoded
   */
  static CookieAttributes encode(String name, String domain, String path, boolean secure, boolean httpOnly,
      SameSite sameSite, boolean partitioned) {
    String encodedDomain = null;
    if (domain != null) {
      checkDomainCharacters(domain);
      try {
        encodedDomain = encodeDomain(domain).orElse(null);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("SESSION_COOKIE_DOMAIN cannot be encoded: " + e.getMessage(), e);
      }
    }
    return new CookieAttributes(name, encodedDomain, encodePath(path), secure || partitioned, httpOnly,
        sameSite, partitioned);
  }

  static boolean isToken(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c < 0x80
        && (Character.isLetterOrDigit(c) || TOKEN_SYMBOLS.indexOf(c) >= 0));
  }

  private static void checkDomainCharacters(String domain) {
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == ';'
          || c == ',') {
        throw new IllegalStateException("SESSION_COOKIE_DOMAIN has a control character, a space, ';' or ','"
            + " (" + codePoint(c) + " at index " + i + "), which would break the Set-Cookie header: set a"
            + " host name such as example.com.");
      }
    }
  }

  static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /**
   * Werkzeug's domain: cut at the first {@code :}, strip leading dots, then Python's IDNA 2003 codec per
   * label (ASCII labels unchanged, others nameprepped and punycoded). Empty after that: omitted. Then only
   * host-name characters may remain (Werkzeug would also write {@code "} or {@code =}).
   *
   * @throws IllegalArgumentException if a label cannot be encoded (empty in the middle, too long, ...) or
   *     is not made of letters, digits, {@code -} and {@code _}
   */
  static Optional<String> encodeDomain(String configured) {
    String host = configured;
    int colon = host.indexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    int start = 0;
    while (start < host.length() && host.charAt(start) == '.') {
      start++;
    }
    host = host.substring(start);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    // Python's idna codec also splits at the ideographic and full-width dots.
    String[] labels = host.split("[.\u3002\uff0e\uff61]", -1);
    List<String> encoded = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i];
      if (i == labels.length - 1 && label.isEmpty()) {
        encoded.add(""); // a trailing dot is kept
        continue;
      }
      String ascii = label.chars().allMatch(c -> c < 0x80) ? label : IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
      if (ascii.isEmpty() || ascii.length() > 63) {
        throw new IllegalArgumentException("a domain label is empty or longer than 63 characters");
      }
      if (!ascii.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
        throw new IllegalArgumentException("a domain label may have only letters, digits, '-' and '_'");
      }
      encoded.add(ascii);
    }
    return Optional.of(String.join(".", encoded));
  }

  /** Python's {@code urllib.parse.quote(path, safe="%!$&'()*+,/:=@")}: UTF-8, upper-case hex. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alphanumeric || PATH_SAFE.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }
}
