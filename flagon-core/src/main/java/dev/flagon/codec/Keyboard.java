package dev.flagon.codec;

/**
 * A US QWERTY keyboard for {@link KeyPatterns}: where each printable ASCII character's key is, rows
 * slanted as on a real keyboard, so that each key has up to six neighbours (left, upper left, upper right,
 * right, lower right, lower left).
 */
final class Keyboard {
  /** Keys that have a character on them. */
  static final int KEYS = 47;
  private static final String[] ROWS = {
    "`~ 1! 2@ 3# 4$ 5% 6^ 7& 8* 9( 0) -_ =+",
    "qQ wW eE rR tT yY uU iI oO pP [{ ]} \\|",
    "aA sS dD fF gG hH jJ kK lL ;: '\"",
    "zZ xX cC vV bB nN mM ,< .> /?"
  };
  /** The six neighbour offsets (dx, dy), in the order of the directions. */
  private static final int[][] NEIGHBOURS = {{-1, 0}, {0, -1}, {1, -1}, {1, 0}, {0, 1}, {-1, 1}};
  private static final int[] X = new int[128];
  private static final int[] Y = new int[128];
  private static final boolean[] SHIFTED = new boolean[128];

  static {
    java.util.Arrays.fill(Y, -1);
    for (int y = 0; y < ROWS.length; y++) {
      String[] keys = ROWS[y].split(" ");
      for (int i = 0; i < keys.length; i++) {
        for (int shift = 0; shift < 2; shift++) {
          char c = keys[i].charAt(shift);
          X[c] = i + (y == 0 ? 0 : 1); // the letter rows start under the gap after the first key
          Y[c] = y;
          SHIFTED[c] = shift == 1;
        }
      }
    }
  }

  private Keyboard() {}

  /** The direction (0 to 5) from one key to a neighbouring one, or -1 if they are not neighbours. */
  static int direction(byte from, byte to) {
    if (!onKeyboard(from) || !onKeyboard(to)) {
      return -1;
    }
    int dx = X[to] - X[from];
    int dy = Y[to] - Y[from];
    for (int d = 0; d < NEIGHBOURS.length; d++) {
      if (NEIGHBOURS[d][0] == dx && NEIGHBOURS[d][1] == dy) {
        return d;
      }
    }
    return -1;
  }

  /** Whether the character needs Shift. */
  static boolean isShifted(byte c) {
    return onKeyboard(c) && SHIFTED[c];
  }

  private static boolean onKeyboard(byte c) {
    return c >= 0 && Y[c] >= 0;
  }
}
