package dev.flagon.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The URL-safe serializer's payload step (spec 4): JSON text to {@code [.]base64url([zlib](UTF-8))} and
 * back. Decoding is only ever applied to verified tokens, except by {@code decodeUnverified}.
 */
final class Payload {
  /** Largest inflated payload, in bytes: a Flagon limit against zip bombs (Python has none). */
  static final int MAX_INFLATED_LENGTH = 1024 * 1024;

  private Payload() {}

  /**
   * Python's {@code zlib.compress} defaults: zlib wrapper, level 6, default strategy. The compressed form is
   * used only if it is at least two bytes shorter, judged on raw bytes (itsdangerous'
   * {@code len(compressed) < len(json) - 1}).
   */
  static String encode(String json) {
    byte[] raw = Utf8.encode(json, "JSON text");
    byte[] compressed = deflate(raw);
    if (compressed.length < raw.length - 1) {
      return "." + Base64Url.encode(compressed);
    }
    return Base64Url.encode(raw);
  }

  /** The JSON text of a payload, in the order of spec 4.2. @throws BadPayloadException on any failure */
  static String decode(String payload) {
    boolean compressed = payload.startsWith(".");
    byte[] bytes = Base64Url.decode(payload, compressed ? 1 : 0, payload.length());
    if (bytes == null) {
      throw new BadPayloadException("Could not base64 decode the payload");
    }
    if (compressed) {
      bytes = inflate(bytes, MAX_INFLATED_LENGTH);
    }
    try {
      return Utf8.decode(bytes);
    } catch (CharacterCodingException e) {
      throw new BadPayloadException("The payload is not valid UTF-8", e);
    }
  }

  static byte[] deflate(byte[] input) {
    Deflater deflater = new Deflater(6, false);
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
   * Inflates a zlib stream (not raw deflate, not gzip), stopping as soon as the output would exceed
   * {@code maxLength} so a bomb never allocates more than that. Like Python's {@code zlib.decompress},
   * bytes after the end of the stream are ignored, while a truncated stream, a preset dictionary or a
   * checksum mismatch fail.
   *
   * @throws BadPayloadException if the stream is invalid or inflates beyond {@code maxLength}
   */
  static byte[] inflate(byte[] input, int maxLength) {
    Inflater inflater = new Inflater(false);
    try {
      inflater.setInput(input);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxLength, input.length * 4 + 64));
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        long consumed = inflater.getBytesRead();
        int n = inflater.inflate(buffer);
        boolean stuck = inflater.needsInput() || inflater.needsDictionary() || inflater.getBytesRead() == consumed;
        if (n == 0 && !inflater.finished() && stuck) {
          // The input ended early, or the stream wants a preset dictionary Python would not supply.
          throw new BadPayloadException("Could not zlib decompress the payload (incomplete stream)");
        }
        if (out.size() + n > maxLength) {
          throw new BadPayloadException(
              "The payload inflates beyond " + maxLength + " bytes (a Flagon limit)");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new BadPayloadException("Could not zlib decompress the payload", e);
    } finally {
      inflater.end();
    }
  }
}
