package dev.flagon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The session cookie's {@code Set-Cookie} values exactly as Werkzeug 3.1's {@code dump_cookie} writes them,
 * from attributes the configuration checked and encoded when it was built. Immutable.
 */
final class SetCookieFormat {
  private static final String EPOCH_DATE = "Thu, 01 Jan 1970 00:00:00 GMT";
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final String VALUE_SAFE = "_!#$%&'()*+-./:<=>?@[]^`{|}~";

  /** Bit c of these two words: ASCII c may stand unquoted in a value (letters, digits, VALUE_SAFE). */
  private static final long VALUE_SAFE_LOW = safeBits(0);
  private static final long VALUE_SAFE_HIGH = safeBits(64);

  /** {@code name=}. */
  private final String prefix;
  /** {@code ; Domain=...}, or empty: Werkzeug writes it between the value and {@code Expires}. */
  private final String domainPart;
  /** The attributes after {@code Expires} and {@code Max-Age}: Secure, HttpOnly, Path, SameSite, Partitioned. */
  private final String tail;
  private final String deleteHeader;

  /** The header format for attributes already checked and encoded ({@link CookieAttributes}). */
  SetCookieFormat(CookieAttributes attributes) {
    this(attributes.name(), attributes.domain() == null ? "" : "; Domain=" + attributes.domain(),
        tail(attributes));
  }

  private SetCookieFormat(String name, String domainPart, String tail) {
    this.prefix = name + "=";
    this.domainPart = domainPart;
    this.tail = tail;
    this.deleteHeader = prefix + domainPart + "; Expires=" + EPOCH_DATE + "; Max-Age=0" + tail;
  }

  private static String tail(CookieAttributes a) {
    return (a.secure() ? "; Secure" : "") + (a.httpOnly() ? "; HttpOnly" : "") + "; Path=" + a.path()
        + (a.sameSite() == null ? "" : "; SameSite=" + a.sameSite().attributeValue())
        + (a.partitioned() ? "; Partitioned" : "");
  }

  /** These attributes for another cookie name: the chunks of a split session. */
  SetCookieFormat withName(String otherName) {
    return new SetCookieFormat(otherName, domainPart, tail);
  }

  /** The header that sets the cookie; {@code expires} is null for a browser-session cookie. */
  String set(String value, Instant expires) {
    return setQuoted(quoteValue(value), expires);
  }

  /** {@link #set} for a value already passed through {@link #quoteValue}. */
  String setQuoted(String quotedValue, Instant expires) {
    if (expires == null) {
      return prefix + quotedValue + domainPart + tail;
    }
    return prefix + quotedValue + domainPart + "; Expires=" + httpDate(expires) + tail;
  }

  /** The header that deletes the cookie, as Werkzeug's {@code delete_cookie}. */
  String delete() {
    return deleteHeader;
  }

  /**
   * Werkzeug's value quoting: unchanged when only letters, digits and {@code _!#$%&'()*+-./:<=>?@[]^`{|}~}
   * occur; otherwise in double quotes with {@code "} and {@code \} backslash-escaped and the UTF-8 bytes
   * 0x00-0x19, {@code ,}, {@code ;} and 0x7F-0xFF as three octal digits (0x1A-0x1F stay raw, as there).
   */
  static String quoteValue(String value) {
    int i = 0;
    while (i < value.length() && isValueSafe(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('"');
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        out.write('\\');
        out.write(c);
      } else if (c <= 0x19 || c == ',' || c == ';' || c >= 0x7f) {
        out.write('\\');
        out.write('0' + (c >> 6));
        out.write('0' + ((c >> 3) & 7));
        out.write('0' + (c & 7));
      } else {
        out.write(c);
      }
    }
    out.write('"');
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** Werkzeug's {@code http_date}: {@code Tue, 14 Nov 2023 23:13:20 GMT}; English names, whole seconds. */
  static String httpDate(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) { // a sign or a fifth digit: as String.format pads them
      return String.format(java.util.Locale.ROOT, "%s, %02d %s %04d %02d:%02d:%02d GMT",
          DAYS[t.getDayOfWeek().getValue() - 1], t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1],
          year, t.getHour(), t.getMinute(), t.getSecond());
    }
    // Written by hand: String.format costs more than the rest of a Set-Cookie header.
    StringBuilder out = new StringBuilder(29).append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
    twoDigits(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
    twoDigits(twoDigits(out, year / 100), year % 100).append(' ');
    twoDigits(out, t.getHour()).append(':');
    twoDigits(out, t.getMinute()).append(':');
    return twoDigits(out, t.getSecond()).append(" GMT").toString();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static boolean isValueSafe(char c) {
    return c < 64 ? (VALUE_SAFE_LOW >>> c & 1) != 0 : c < 128 && (VALUE_SAFE_HIGH >>> (c - 64) & 1) != 0;
  }

  private static long safeBits(int from) {
    long bits = 0;
    for (int c = from; c < from + 64; c++) {
      if (isAsciiAlnum(c) || VALUE_SAFE.indexOf(c) >= 0) {
        bits |= 1L << (c - from);
      }
    }
    return bits;
  }

  private static boolean isAsciiAlnum(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

}
