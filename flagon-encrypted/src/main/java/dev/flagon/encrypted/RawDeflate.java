package dev.flagon.encrypted;

import dev.flagon.codec.BadPayloadException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Raw DEFLATE (RFC 1951, no zlib header or checksum), as JWE's {@code "zip":"DEF"} requires (RFC 7516
 * 4.1.3), with the same bounded inflate as signed cookies' zlib payloads: output stops at a cap, so a bomb
 * never allocates more than that.
 */
final class RawDeflate {
  /**
   * Largest inflated payload, in bytes: a Flagon limit, the same 512 KiB as signed cookies' (core's
   * {@code Payload.MAX_INFLATED_LENGTH}), which docs/security.md's memory bound per decode assumes.
   */
  static final int MAX_INFLATED_LENGTH = 512 * 1024;
  private RawDeflate() {}

  static byte[] deflate(byte[] input) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(input);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
      byte[] buffer = new byte[4096];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * Inflates raw DEFLATE, at most {@code maxLength} bytes; bytes after the final block are ignored.
   *
   * @throws BadPayloadException if the stream is invalid, truncated or inflates beyond {@code maxLength}
   */
  static byte[] inflate(byte[] input, int maxLength) {
    Inflater inflater = new Inflater(true);
    try {
      // zlib may want one byte past the end of a raw stream (Inflater's javadoc): give it a dummy one.
      byte[] padded = new byte[input.length + 1];
      System.arraycopy(input, 0, padded, 0, input.length);
      inflater.setInput(padded);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxLength, input.length * 4 + 64));
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        long consumed = inflater.getBytesRead();
        int n = inflater.inflate(buffer);
        boolean stuck = inflater.needsInput() || inflater.getBytesRead() == consumed;
        if (n == 0 && !inflater.finished() && stuck) {
          throw new BadPayloadException("Could not inflate the payload (incomplete stream)");
        }
        if (out.size() + n > maxLength) {
          throw new BadPayloadException(
              "The payload inflates beyond " + maxLength + " bytes (a Flagon limit)");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new BadPayloadException("Could not inflate the payload", e);
    } finally {
      inflater.end();
    }
  }
}
