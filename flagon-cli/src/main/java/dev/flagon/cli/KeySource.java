package dev.flagon.cli;

import dev.flagon.codec.Secret;
import java.io.IOException;
import java.io.InputStream;
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
      case ENV -> readEnv(context);
      case FILE -> readFile();
      case HEX -> parseHex();
    };
  }

  private Secret readEnv(CliContext context) {
    String text = context.env(value);
    if (text == null) {
      throw new UsageException(option + ": " + Echo.variable(value) + " is not set or empty");
    }
    try {
      return Secret.fromText(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + Echo.variable(value) + " is not valid Unicode text");
    }
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

  private Secret readFile() {
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
      byte[] key = Arrays.copyOf(bytes, length);
      try {
        return Secret.fromBytes(key);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
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
