package dev.flagon.demo;

import dev.flagon.json.Tuple;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How the cookie page shows a decoded value: as its {@code toString} would, except that bytes read as
 * Python shows them ({@code b'\x00ab'} where Java prints {@code [B@1b6d3586}), inside lists, tuples and
 * maps too; cut at a length, so that a large cookie cannot make a large page.
 */
final class ValueText {
  private final StringBuilder out = new StringBuilder();
  private final int maxLength;

  private ValueText(int maxLength) {
    this.maxLength = maxLength;
  }

  /** The text of {@code value}: at most {@code maxLength} characters, then an ellipsis if there is more. */
  static String of(Object value, int maxLength) {
    ValueText text = new ValueText(maxLength);
    text.append(value);
    return text.out.length() > maxLength ? text.out.substring(0, maxLength) + "\u2026" : text.out.toString();
  }

  /** Past the length: whatever is left is not built. */
  private boolean full() {
    return out.length() > maxLength;
  }

  private void append(Object value) {
    if (full()) {
      return;
    }
    if (value instanceof byte[] bytes) {
      appendBytes(bytes);
    } else if (value instanceof Map<?, ?> map) {
      appendAll("{", map.entrySet().iterator(), "}");
    } else if (value instanceof List<?> list) {
      appendAll(list instanceof Tuple ? "Tuple[" : "[", list.iterator(), "]");
    } else {
      String text = String.valueOf(value);
      out.append(text, 0, Math.min(text.length(), maxLength + 1 - out.length()));
    }
  }

  private void appendAll(String open, Iterator<?> items, String close) {
    out.append(open);
    for (boolean first = true; items.hasNext() && !full(); first = false) {
      out.append(first ? "" : ", ");
      Object item = items.next();
      if (item instanceof Map.Entry<?, ?> entry) {
        append(entry.getKey());
        out.append('=');
        append(entry.getValue());
      } else {
        append(item);
      }
    }
    out.append(close);
  }

  /**
   * Python's {@code repr} of bytes: in single quotes, or double quotes if only single ones occur; printable
   * ASCII as is, the quote and backslash escaped, tab, newline and return by name, other bytes in hex.
   */
  private void appendBytes(byte[] bytes) {
    boolean single = contains(bytes, '\'') && !contains(bytes, '"');
    char quote = single ? '"' : '\'';
    out.append('b').append(quote);
    for (int i = 0; i < bytes.length && !full(); i++) {
      int b = bytes[i] & 0xff;
      if (b == quote || b == '\\') {
        out.append('\\').append((char) b);
      } else if (b == '\t' || b == '\n' || b == '\r') {
        out.append(b == '\t' ? "\\t" : b == '\n' ? "\\n" : "\\r");
      } else if (b >= 0x20 && b < 0x7f) {
        out.append((char) b);
      } else {
        out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
      }
    }
    out.append(quote);
  }

  private static boolean contains(byte[] bytes, char c) {
    for (byte b : bytes) {
      if (b == c) {
        return true;
      }
    }
    return false;
  }
}
