package dev.flagon.cli;

import dev.flagon.testing.Zlib;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cookies made and opened by hand (Flask's defaults: HMAC-SHA1, salt cookie-session), independent of the
 * code under test: validly signed payloads Flask never writes, and a cookie's payload text.
 */
final class TestCookies {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private TestCookies() {}

  /** An uncompressed cookie for this payload text, signed with a text key. */
  static String sign(String payload, long timestamp, String key) {
    return signEncoded(BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)), timestamp, key);
  }

  /** A cookie whose payload is this text zlib-compressed (however much longer it is), signed with a text key. */
  static String signCompressed(String payload, long timestamp, String key) {
    byte[] zlib = Zlib.deflate(payload.getBytes(StandardCharsets.UTF_8));
    return signEncoded("." + BASE64URL.encodeToString(zlib), timestamp, key);
  }

  /** The cookie for a payload already in its cookie form ({@code [.]base64url}). */
  private static String signEncoded(String encodedPayload, long timestamp, String key) {
    byte[] time = new BigInteger(Long.toString(timestamp)).toByteArray();
    int skip = 0;
    while (skip < time.length - 1 && time[skip] == 0) {
      skip++;
    }
    String signedValue = encodedPayload + "."
        + BASE64URL.encodeToString(Arrays.copyOfRange(time, skip, time.length));
    byte[] derived = hmacSha1(key.getBytes(StandardCharsets.UTF_8), "cookie-session");
    return signedValue + "." + BASE64URL.encodeToString(hmacSha1(derived, signedValue));
  }

  /** The payload text of a well-formed cookie, decompressed if needed. */
  static String payload(String cookie) {
    boolean compressed = cookie.startsWith(".");
    String body = compressed ? cookie.substring(1) : cookie;
    byte[] bytes = Base64.getUrlDecoder().decode(body.substring(0, body.indexOf('.')));
    return new String(compressed ? Zlib.inflate(bytes) : bytes, StandardCharsets.UTF_8);
  }

  private static byte[] hmacSha1(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
