package dev.flagon.login;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Flask-Login's remember cookie value: {@code id + "|" + hex(HMAC-SHA512(key, utf8(id)))}
 * ({@code encode_cookie}, {@code decode_cookie}, {@code _cookie_digest}). The key is {@code SECRET_KEY}
 * itself, not derived, and only the current key: Flask-Login reads no fallback keys. Immutable and
 * thread-safe.
 */
final class RememberToken {
  private static final String ALGORITHM = "HmacSHA512";

  private final SecretKeySpec key;

  /**
   * @param key {@code SECRET_KEY} as Flask-Login's {@code _secret_key} makes it: text as its Latin-1 bytes,
   *     bytes as they are
   */
  RememberToken(byte[] key) {
    // SecretKeySpec refuses an empty key, which Python's hmac accepts; HMAC zero-pads short keys, so one
    // zero byte is the same key.
    this.key = new SecretKeySpec(key.length == 0 ? new byte[1] : key, ALGORITHM);
  }

  /**
   * The cookie value for a user id ({@code encode_cookie}), or {@code null} for an id that is not valid
   * Unicode (a lone surrogate: Python fails with a {@code UnicodeEncodeError} there).
   */
  String encode(String userId) {
    byte[] payload = utf8(userId);
    return payload == null ? null : userId + "|" + HexFormat.of().formatHex(mac(payload));
  }

  /**
   * The user id in a cookie value, or {@code null} when it does not verify ({@code decode_cookie}): no
   * {@code |}, a wrong digest, or one that Python's {@code hmac.compare_digest} would refuse with a
   * {@code TypeError} (non-ASCII text; Flask answers 500 there).
   */
  String decode(String cookie) {
    int bar = cookie.lastIndexOf('|');
    if (bar < 0) {
      return null;
    }
    String userId = cookie.substring(0, bar);
    byte[] payload = utf8(userId);
    byte[] given = ascii(cookie, bar + 1);
    if (payload == null || given == null) {
      return null;
    }
    byte[] expected = HexFormat.of().formatHex(mac(payload)).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? userId : null;
  }

  private byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
    }
  }

  /** The UTF-8 bytes, or {@code null} for text Python cannot encode (a lone surrogate). */
  private static byte[] utf8(String text) {
    try {
      ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(text));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** {@code text[from:]} as ASCII bytes, or {@code null} if it holds anything else. */
  private static byte[] ascii(String text, int from) {
    byte[] out = new byte[text.length() - from];
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0x7F) {
        return null;
      }
      out[i - from] = (byte) c;
    }
    return out;
  }

  @Override
  public String toString() {
    return "RememberToken[HMAC-SHA512]";
  }
}
