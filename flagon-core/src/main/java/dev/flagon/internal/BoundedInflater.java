package dev.flagon.internal;

import dev.flagon.codec.BadPayloadException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one bounded inflate, for signed cookies' zlib payloads and JWE's raw DEFLATE ({@code "zip":"DEF"},
 * RFC 7516 4.1.3): output stops as soon as it would exceed a cap, so a bomb never allocates more than that.
 * Like Python's {@code zlib.decompress}, bytes after the end of the stream are ignored, while a truncated
 * stream, a preset dictionary or a checksum mismatch fail. Not thread-safe; reusable after {@link #reset}.
 */
public final class BoundedInflater {
  /**
   * Largest inflated payload, in bytes: a Flagon limit against zip bombs (Python has none). 512 KiB is eight
   * times what split cookies at their cap (16 of 4 KiB) carry; reading text costs up to 16 bytes per byte,
   * so this keeps the text's share of a decode's memory bound (docs/security.md) at 8 MiB.
   */
  public static final int MAX_INFLATED_LENGTH = 512 * 1024;

  /** Buffers larger than this are dropped on {@link #reset}, so a pooled inflater stays small. */
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
   * Inflates into {@link #buffer()} (grown as needed, never beyond {@code maxLength + 1} bytes) and returns
   * the length. On failure the inflater is closed: do not reuse it.
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
