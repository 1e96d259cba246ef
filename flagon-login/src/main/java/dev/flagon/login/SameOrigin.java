package dev.flagon.login;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Flask-WTF's {@code same_origin(current_uri, compare_uri)}: the scheme, hostname and port that Python
 * 3.11's {@code urllib.parse.urlparse} finds are equal. Where Python raises {@code ValueError} (a bracketed
 * host that is not IPv6, a port that is not a number up to 65535, a netloc that NFKC turns into URL
 * syntax), Flask answers 500; here the answer is "not the same origin".
 */
final class SameOrigin {
  private static final String SCHEME_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.";
  private static final Pattern IP_FUTURE = Pattern.compile("v[a-fA-F0-9]+\\..+", Pattern.UNIX_LINES);

  private SameOrigin() {}

  static boolean test(String current, String compare) {
    Origin a = Origin.parse(current);
    Origin b = Origin.parse(compare);
    return a != null && b != null && a.scheme.equals(b.scheme) && Objects.equals(a.hostname, b.hostname)
        && a.port >= Origin.NO_PORT && a.port == b.port;
  }

  /** What {@code urlparse} gives for the three parts; {@link #port} is negative when absent or invalid. */
  private static final class Origin {
    static final int NO_PORT = -1;
    static final int BAD_PORT = -2;

    final String scheme;
    final String hostname;
    final int port;

    private Origin(String scheme, String hostname, int port) {
      this.scheme = scheme;
      this.hostname = hostname;
      this.port = port;
    }

    /** {@code urlsplit}'s scheme and netloc, then the netloc's host and port; null where it raises. */
    static Origin parse(String url) {
      int start = 0;
      while (start < url.length() && url.charAt(start) <= ' ') { // WHATWG C0 control or space
        start++;
      }
      String rest = url.substring(start).replace("\t", "").replace("\r", "").replace("\n", "");
      String scheme = "";
      int colon = rest.indexOf(':');
      if (colon > 0 && isAsciiLetter(rest.charAt(0)) && allSchemeChars(rest, colon)) {
        scheme = rest.substring(0, colon).toLowerCase(Locale.ROOT);
        rest = rest.substring(colon + 1);
      }
      String netloc = "";
      if (rest.startsWith("//")) {
        int end = rest.length();
        for (char delimiter : new char[] {'/', '?', '#'}) {
          int at = rest.indexOf(delimiter, 2);
          end = at >= 0 ? Math.min(end, at) : end;
        }
        netloc = rest.substring(2, end);
        boolean open = netloc.indexOf('[') >= 0;
        if (open != netloc.indexOf(']') >= 0) {
          return null; // "Invalid IPv6 URL"
        }
        if (open && !validBracketedHost(before(after(netloc, '['), ']'))) {
          return null;
        }
      }
      if (!validUnderNfkc(netloc)) {
        return null;
      }
      String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
      String hostname;
      String port;
      if (hostinfo.indexOf('[') >= 0) {
        String bracketed = after(hostinfo, '[');
        hostname = before(bracketed, ']');
        String tail = bracketed.indexOf(']') >= 0 ? after(bracketed, ']') : "";
        port = tail.indexOf(':') >= 0 ? after(tail, ':') : "";
      } else {
        hostname = before(hostinfo, ':');
        port = hostinfo.indexOf(':') >= 0 ? after(hostinfo, ':') : "";
      }
      return new Origin(scheme, hostname(hostname), port(port));
    }

    /** The {@code hostname} property: lower case except for an IPv6 zone after {@code %}. */
    private static String hostname(String raw) {
      if (raw.isEmpty()) {
        return null;
      }
      int percent = raw.indexOf('%');
      return percent < 0 ? raw.toLowerCase(Locale.ROOT)
          : raw.substring(0, percent).toLowerCase(Locale.ROOT) + raw.substring(percent);
    }

    /** The {@code port} property: ASCII digits up to 65535, leading zeros allowed. */
    private static int port(String raw) {
      if (raw.isEmpty()) {
        return NO_PORT;
      }
      int value = 0;
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c < '0' || c > '9') {
          return BAD_PORT;
        }
        value = Math.min(value * 10 + (c - '0'), 65536);
      }
      return value > 65535 ? BAD_PORT : value;
    }
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean allSchemeChars(String text, int end) {
    for (int i = 0; i < end; i++) {
      if (SCHEME_CHARS.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code text.partition(c)[2]}, for a text that holds {@code c}. */
  private static String after(String text, char c) {
    return text.substring(text.indexOf(c) + 1);
  }

  /** {@code text.partition(c)[0]}. */
  private static String before(String text, char c) {
    int at = text.indexOf(c);
    return at < 0 ? text : text.substring(0, at);
  }

  /** {@code _checknetloc}: a non-ASCII netloc must not gain URL syntax under NFKC normalization. */
  private static boolean validUnderNfkc(String netloc) {
    if (netloc.chars().allMatch(c -> c < 0x80)) {
      return true;
    }
    String n = netloc.replace("@", "").replace(":", "").replace("#", "").replace("?", "");
    String normalized = Normalizer.normalize(n, Normalizer.Form.NFKC);
    return n.equals(normalized) || normalized.chars().noneMatch(c -> "/?#@:".indexOf(c) >= 0);
  }

  /** {@code _check_bracketed_host}: an IPvFuture literal, else an IPv6 address (an IPv4 one is refused). */
  private static boolean validBracketedHost(String host) {
    return host.startsWith("v") ? IP_FUTURE.matcher(host).matches() : Ipv6.isValid(host);
  }
}
