package dev.flagon.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Flask-Login's {@code _create_identifier}, the session's {@code _id}, byte for byte: SHA-512, as lower-case
 * hex, of {@code f"{addr}|{agent}"}, where both are Python {@code bytes} and so appear as their
 * {@code repr}: {@code b'203.0.113.7'|b'Mozilla/5.0'}, or {@code None} when absent. The address is the first
 * comma-separated item of {@code X-Forwarded-For} when that header is present (even empty), else the
 * remote address, stripped of ASCII whitespace; both are UTF-8 encoded first.
 */
final class SessionIdentifier {
  private SessionIdentifier() {}

  static String create(RequestView request) {
    String forwarded = request.header("X-Forwarded-For");
    String address = forwarded != null ? forwarded : request.remoteAddress();
    String agent = request.header("User-Agent");
    StringBuilder base = new StringBuilder(64 + (agent == null ? 0 : agent.length()));
    if (address == null) {
      base.append("None");
    } else {
      byte[] bytes = address.getBytes(StandardCharsets.UTF_8);
      int end = 0;
      while (end < bytes.length && bytes[end] != ',') {
        end++;
      }
      int start = 0;
      while (start < end && isAsciiSpace(bytes[start])) {
        start++;
      }
      while (end > start && isAsciiSpace(bytes[end - 1])) {
        end--;
      }
      appendBytesRepr(base, bytes, start, end);
    }
    base.append('|');
    if (agent == null) {
      base.append("None");
    } else {
      byte[] bytes = agent.getBytes(StandardCharsets.UTF_8);
      appendBytesRepr(base, bytes, 0, bytes.length);
    }
    return HexFormat.of().formatHex(sha512().digest(base.toString().getBytes(StandardCharsets.US_ASCII)));
  }

  /** Python's {@code bytes.strip()} whitespace: space, tab, LF, VT, FF, CR. */
  private static boolean isAsciiSpace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  /**
   * Python's {@code repr(bytes)}: single quotes unless the bytes hold a {@code '} and no {@code "}; the
   * quote and backslash escaped; {@code \t \n \r}; other bytes outside {@code 0x20..0x7e} as {@code \xhh}.
   */
  static void appendBytesRepr(StringBuilder out, byte[] bytes, int from, int to) {
    boolean single = false;
    boolean dbl = false;
    for (int i = from; i < to; i++) {
      single |= bytes[i] == '\'';
      dbl |= bytes[i] == '"';
    }
    char quote = single && !dbl ? '"' : '\'';
    out.append('b').append(quote);
    for (int i = from; i < to; i++) {
      int b = bytes[i] & 0xFF;
      if (b == quote || b == '\\') {
        out.append('\\').append((char) b);
      } else if (b == '\t') {
        out.append("\\t");
      } else if (b == '\n') {
        out.append("\\n");
      } else if (b == '\r') {
        out.append("\\r");
      } else if (b < 0x20 || b >= 0x7F) {
        out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
      } else {
        out.append((char) b);
      }
    }
    out.append(quote);
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is not available in this JDK", e);
    }
  }
}
