package dev.flagon.internal;

/**
 * Lone surrogates, the one scan for them: Python's {@code str} may hold one, but cannot encode it to UTF-8
 * (nor {@code quote()} it), so Flagon refuses such text wherever it would be encoded.
 */
public final class LoneSurrogates {
  private LoneSurrogates() {}

  /** The index of the first surrogate that is not half of a pair, or -1 if there is none. */
  public static int indexIn(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
