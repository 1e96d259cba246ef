package dev.flagon.encrypted;

import dev.flagon.codec.BadSignatureException;
import java.util.Base64;

/**
 * The five parts of a compact JWE as Flagon reads it, decoded before any key is used: the length cap
 * first, then exactly four dots, an empty encrypted key ({@code dir}), a bounded header, a 96-bit IV and a
 * 128-bit tag, all canonical base64url. Any failure is a {@link BadSignatureException}.
 */
final class JweParts {
  /** Longest token read, in characters: a Flagon limit, as for signed tokens. */
  static final int MAX_TOKEN_LENGTH = 64 * 1024;

  final String encodedHeader;
  final JweHeader header;
  final byte[] iv;
  /** Ciphertext followed by the tag, as {@code Cipher.doFinal} wants it. */
  final byte[] sealed;

  private JweParts(String encodedHeader, JweHeader header, byte[] iv, byte[] sealed) {
    this.encodedHeader = encodedHeader;
    this.header = header;
    this.iv = iv;
    this.sealed = sealed;
  }

  static JweParts split(String token) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH) {
      throw new BadSignatureException("JWE missing or too long (over " + MAX_TOKEN_LENGTH
          + " characters, a Flagon limit)");
    }
    int[] dots = new int[4];
    int found = 0;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == '.') {
        if (found == 4) {
          throw notCompact();
        }
        dots[found++] = i;
      }
    }
    if (found != 4 || dots[1] != dots[0] + 1) {
      throw notCompact(); // five parts, the second (the encrypted key) empty for alg dir
    }
    if (dots[0] > JweHeader.MAX_ENCODED_LENGTH) {
      throw new BadSignatureException("JWE header too long (over " + JweHeader.MAX_ENCODED_LENGTH
          + " characters, a Flagon limit)");
    }
    byte[] headerJson = decode(token, 0, dots[0]);
    byte[] iv = decode(token, dots[1] + 1, dots[2]);
    byte[] ciphertext = decode(token, dots[2] + 1, dots[3]);
    byte[] tag = decode(token, dots[3] + 1, token.length());
    if (headerJson == null || iv == null || ciphertext == null || tag == null || iv.length != 12
        || tag.length != 16) {
      throw notCompact();
    }
    byte[] sealed = new byte[ciphertext.length + tag.length];
    System.arraycopy(ciphertext, 0, sealed, 0, ciphertext.length);
    System.arraycopy(tag, 0, sealed, ciphertext.length, tag.length);
    return new JweParts(token.substring(0, dots[0]), JweHeader.parse(headerJson), iv, sealed);
  }

  /** URL-safe base64 without padding. */
  static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The bytes of {@code text[from, to)}, or null unless it is their one canonical base64url text: no
   * padding, nothing outside the alphabet, unused low bits zero (JOSE's strictness, RFC 7515 2).
   */
  static byte[] decode(String text, int from, int to) {
    String part = text.substring(from, to);
    if (part.indexOf('=') >= 0) {
      return null;
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(part);
      return encode(bytes).equals(part) ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static BadSignatureException notCompact() {
    return new BadSignatureException("not a compact JWE with a 96-bit IV and a 128-bit tag");
  }
}
