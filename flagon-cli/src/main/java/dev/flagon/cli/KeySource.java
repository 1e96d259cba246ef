package dev.flagon.cli;

import dev.flagon.codec.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One key as given on the command line: an option name and its raw value. Parsing only records these;
 * the key is read after parsing, so that a malformed value never reaches picocli's error messages. No
 * message repeats the value unless {@link Echo} says it is a variable name or a path, not a pasted key.
 */
final class KeySource {
  /** A key file holds one key; anything bigger is a wrong path (and /dev/zero would never end). */
  private static final int MAX_FILE_BYTES = 64 * 1024;

  private enum Kind { ENV, FILE, HEX }

  private final String option;
  private final Kind kind;
  private final String value;

  private KeySource(String option, Kind kind, String value) {
    this.option = option;
    this.kind = kind;
    this.value = value;
  }

  static KeySource env(String option, String name) {
    return new KeySource(option, Kind.ENV, name);
  }

  static KeySource file(String option, String path) {
    return new KeySource(option, Kind.FILE, path);
  }

  static KeySource hex(String option, String hex) {
    return new KeySource(option, Kind.HEX, hex);
  }

  /** The key. @throws UsageException naming the option (and the variable or path, never the key) */
  Secret read(CliContext context) {
    return switch (kind) {
      case ENV -> {
        try {
          yield Secret.fromText(envText(context));
        } catch (IllegalArgumentException e) {
          throw new UsageException(option + ": " + Echo.variable(value) + " is not valid Unicode text");
        }
      }
      case FILE -> {
        byte[] key = fileBytes();
        try {
          yield Secret.fromBytes(key);
        } finally {
          Arrays.fill(key, (byte) 0);
        }
      }
      case HEX -> parseHex();
    };
  }

  /**
   * The same characters read the other way, or null if there is none: a hex option's digits taken as
   * text (as servers take {@code SECRET_KEY} text), or a text or file key that is all hex digits decoded
   * to bytes. For saying why a signature did not match; call only after {@link #read} succeeded.
   */
  Secret otherReading(CliContext context) {
    return switch (kind) {
      case HEX -> Secret.fromText(value);
      case ENV -> hexOrNull(envText(context));
      case FILE -> {
        byte[] key = fileBytes();
        try {
          yield hexOrNull(new String(key, StandardCharsets.ISO_8859_1));
        } finally {
          Arrays.fill(key, (byte) 0);
        }
      }
    };
  }

  /** Says how the key matched when read the other way, naming the option and never the key. */
  String otherReadingHint() {
    if (kind == Kind.HEX) {
      return "the signature matches if the " + option + " value is read as text (its characters' UTF-8"
          + " bytes, as Flask and FLAGON_SECRET_KEY use a key string such as ./flagon secret prints),"
          + " not decoded from hex: give it with --secret-env NAME instead";
    }
    String where = kind == Kind.ENV ? Echo.variable(value) : "the file of " + option;
    return "the signature matches if the key in " + where + " is decoded from hex to bytes (as the"
        + " server's key seems to be), not read as text: give those hex digits with --secret-hex instead";
  }

  private String envText(CliContext context) {
    String text = context.env(value);
    if (text == null) {
      throw new UsageException(option + ": " + Echo.variable(value) + " is not set or empty");
    }
    return text;
  }

  private Secret parseHex() {
    if (value.isEmpty()) {
      throw new UsageException(option + ": the key is empty");
    }
    try {
      return Secret.fromHex(value);
    } catch (IllegalArgumentException e) {
      // The core's message is not echoed either: the only safe description of a bad key is its shape.
      throw new UsageException(option + ": not a hex key (an even number of hex digits, "
          + value.length() + " characters given)");
    }
  }

  private static Secret hexOrNull(String text) {
    if (text.isEmpty() || text.length() % 2 != 0 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return null;
    }
    return Secret.fromHex(text);
  }

  /** The key file's bytes without one trailing newline; the caller zeroes them. */
  private byte[] fileBytes() {
    String shown = Echo.path(value);
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(option + ": not a valid path: " + shown);
    }
    byte[] bytes;
    try (InputStream stream = Files.newInputStream(path)) {
      bytes = stream.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UsageException(option + ": no such file: " + shown);
    } catch (AccessDeniedException e) {
      throw new UsageException(option + ": permission denied: " + shown);
    } catch (IOException e) {
      throw new UsageException(option + ": cannot read " + shown + " (" + e.getClass().getSimpleName() + ")");
    }
    try {
      if (bytes.length > MAX_FILE_BYTES) {
        throw new UsageException(option + ": " + path + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      int length = withoutTrailingNewline(bytes);
      if (length == 0) {
        throw new UsageException(option + ": " + path + " holds an empty key");
      }
      return Arrays.copyOf(bytes, length);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Editors end files with one newline; it is not part of the key. Only one "\n" or "\r\n" goes. */
  private static int withoutTrailingNewline(byte[] bytes) {
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\n') {
      length--;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
    }
    return length;
  }

  @Override
  public String toString() {
    return option + " <" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", not shown>";
  }
}
