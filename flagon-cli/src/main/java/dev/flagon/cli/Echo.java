package dev.flagon.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Which user input an error message may repeat. A key pasted where a variable name or a path belongs would
 * otherwise be printed back (to a terminal, a CI log): so a name or path is shown only when it looks like
 * one, and the pieces of a random key never do.
 */
final class Echo {
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SEPARATORS = Pattern.compile("[_.\\-]");
  /**
   * Pieces between separators are letters and digits; a piece longer than 4 must be a word (one case, at
   * most 16 letters) or a number of at most 8 digits, not random text.
   */
  private static final int SHORT_PIECE = 4;
  private static final int LONGEST_WORD = 16;
  private static final int LONGEST_NUMBER = 8;

  private Echo() {}

  /** "environment variable NAME", or a description without the name if it does not look like one. */
  static String variable(String name) {
    return looksLikeVariableName(name)
        ? "environment variable " + name
        : "the environment variable named there (not shown: it does not look like a variable name;"
            + " give the variable's name, not the key)";
  }

  /** The path, or a description without it if it could be a pasted key. */
  static String path(String path) {
    return looksLikePath(path) ? path : "the path given (not shown: it looks like it could be a key)";
  }

  /** A shell variable name whose pieces between underscores are short, words or short numbers. */
  static boolean looksLikeVariableName(String name) {
    return VARIABLE_NAME.matcher(name).matches() && wordsOnly(name);
  }

  /**
   * An existing file, or a path whose file name is words and whose directory exists or is words too.
   * Random text fails: a key has long runs that mix letters and digits, or cases.
   */
  static boolean looksLikePath(String text) {
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      return false;
    }
    if (Files.exists(path)) {
      return true;
    }
    Path name = path.getFileName();
    if (name == null || !wordsOnly(name.toString())) {
      return false;
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent == null || Files.isDirectory(parent)) {
      return true;
    }
    for (Path part : path.getParent()) {
      if (!wordsOnly(part.toString())) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordsOnly(String text) {
    for (String piece : SEPARATORS.split(text, -1)) {
      if (!piece.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
          || piece.length() > SHORT_PIECE && !isWord(piece) && !isNumber(piece)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWord(String piece) {
    return piece.length() <= LONGEST_WORD
        && (piece.chars().allMatch(c -> c >= 'a' && c <= 'z') || piece.chars().allMatch(c -> c >= 'A' && c <= 'Z'));
  }

  private static boolean isNumber(String piece) {
    return piece.length() <= LONGEST_NUMBER && piece.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
