package dev.flagon.testing;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib by hand for tests, so that a compressed cookie's payload is read, or made however it compresses,
 * without the code under test.
 */
public final class Zlib {
  private Zlib() {}

  /** The smallest zlib stream of these bytes (level 9), whether or not it is shorter than they are. */
  public static byte[] deflate(byte[] raw) {
    return deflate(raw, Deflater.BEST_COMPRESSION);
  }

  /** Python's {@code zlib.compress(raw)}: level 6, the whole stream. */
  public static byte[] compress(byte[] raw) {
    return deflate(raw, 6);
  }

  private static byte[] deflate(byte[] raw, int level) {
    Deflater deflater = new Deflater(level);
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /**
   * The bytes a complete zlib stream holds.
   *
   * @throws IllegalStateException if the stream is truncated, needs a preset dictionary or is malformed
   */
  public static byte[] inflate(byte[] zlib) {
    Inflater inflater = new Inflater();
    inflater.setInput(zlib);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      while (!inflater.finished()) {
        int count = inflater.inflate(buffer);
        if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("truncated zlib stream");
        }
        out.write(buffer, 0, count);
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException(e);
    } finally {
      inflater.end();
    }
    return out.toByteArray();
  }
}
