package dev.flagon.encrypted;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/**
 * Raw DEFLATE (RFC 1951, no zlib header or checksum), as JWE's {@code "zip":"DEF"} requires (RFC 7516
 * 4.1.3). Inflating is core's bounded {@code BoundedInflater}, the same as signed cookies'.
 */
final class RawDeflate {
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
}
