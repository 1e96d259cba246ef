package dev.flagon.internal;

import dev.flagon.codec.BadPayloadException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one bounded inflate, for signed cookies' zlib and JWE's raw DEFLATE ({@code "zip":"DEF"}): output stops
 * as soon as it would exceed a cap, so a bomb never allocates more. As Python's {@code zlib.decompress}, bytes
 * after the stream are ignored; a truncated stream, a preset dictionary or a bad checksum fail. Not
 * thread-safe; reusable after {@link #reset}.
 */
public final class BoundedInflater {
  /**
   * Largest inflated payload, a Flagon limit against zip bombs (Python has none): eight times what 16 split
   * cookies of 4 KiB carry; at up to 16 bytes per byte of text, it keeps a decode's text within 8 MiB
   * (docs/security.md).
   */
  public static final int MAX_INFLATED_LENGTH = 512 * 1024;

  /** A larger buffer is dropped on {@link #reset}, so a pooled inflater stays small. */
  private static final int MAX_KEPT_BUFFER = 64 * 1024;

  private final boolean raw;
  private final Inflater inflater;
  private byte[] buffer = new byte[4096];

  /** @param raw raw DEFLATE (RFC 1951) rather than a zlib stream (RFC 1950) */
  public BoundedInflater(boolean raw) {
    this.raw = raw;
    this.inflater = new Inflater(raw);
  }

  /** Inflates one stream with a fresh inflater. @throws BadPayloadException as {@link #inflate(byte[], int)} */
  public static byte[] inflate(byte[] input, boolean raw, int maxLength) {
    BoundedInflater z = new BoundedInflater(raw);
    byte[] out = Arrays.copyOf(z.buffer, z.inflate(input, maxLength));
    z.end();
    return out;
  }

  /**
   * Inflates into {@link #buffer()} (grown up to {@code maxLength + 1} bytes) and returns the length; a
   * failure closes the inflater.
   *
   * @throws BadPayloadException if the stream is invalid or inflates beyond {@code maxLength}
   */
  public int inflate(byte[] input, int maxLength) {
    try {
      // Raw: zlib may want one byte past the end of the stream (Inflater's javadoc): give it a dummy one.
      inflater.setInput(raw ? Arrays.copyOf(input, input.length + 1) : input);
      int n = 0;
      while (!inflater.finished()) {
        if (n == buffer.length) {
          // n <= maxLength here (checked below), so the new buffer has room for at least one more byte.
          buffer = Arrays.copyOf(buffer, (int) Math.min(maxLength + 1L, 2L * buffer.length));
        }
        long consumed = inflater.getBytesRead();
        int k = inflater.inflate(buffer, n, buffer.length - n);
        boolean stuck = inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == consumed;
        if (k == 0 && !inflater.finished() && stuck) {
          // The input ended early, or the stream wants a preset dictionary Python would not supply.
          throw new BadPayloadException("Could not decompress the payload (incomplete stream)");
        }
        n += k;
        if (n > maxLength) {
          throw new BadPayloadException("The payload inflates beyond " + maxLength + " bytes (a Flagon limit)");
        }
      }
      return n;
    } catch (DataFormatException e) {
      inflater.end();
      throw new BadPayloadException("Could not decompress the payload", e);
    } catch (RuntimeException e) {
      inflater.end();
      throw e;
    }
  }

  /** The output of the last {@link #inflate(byte[], int)}. */
  public byte[] buffer() {
    return buffer;
  }

  /** Ready for the next stream. */
  public void reset() {
    inflater.reset();
    if (buffer.length > MAX_KEPT_BUFFER) {
      buffer = new byte[4096];
    }
  }

  /** Frees the native stream. */
  public void end() {
    inflater.end();
  }
}
