package dev.flagon.encrypted;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals any header and plaintext the way a key holder could, for tests: zip bombs, odd headers and
 * missing times that Flagon itself never writes. Uses the JDK directly, not {@link JweSerializer}.
 */
public final class JweForge {
  private final byte[] key;

  private JweForge(byte[] key) {
    this.key = key;
  }

  /** The key Flagon derives for this secret and cookie name. */
  public static JweForge forSecret(String secret, String cookieName) {
    return new JweForge(rawKey(secret, cookieName));
  }

  /** HKDF-SHA256(secret, no salt, "flagon-session-v1:" + cookieName), 32 bytes: for interop tests. */
  public static byte[] rawKey(String secret, String cookieName) {
    return Hkdf.derive(secret.getBytes(StandardCharsets.UTF_8), new byte[0],
        (JweSerializer.PURPOSE_PREFIX + cookieName).getBytes(StandardCharsets.UTF_8), 32);
  }

  /** The kid Flagon gives that key. */
  public String kid() {
    try {
      return JweParts.encode(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A compact JWE of these plaintext bytes under this header JSON, with a fixed IV. */
  public String seal(String headerJson, byte[] plaintext) {
    try {
      String header = JweParts.encode(headerJson.getBytes(StandardCharsets.UTF_8));
      byte[] iv = new byte[12];
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
      byte[] sealed = cipher.doFinal(plaintext);
      int tag = sealed.length - 16;
      return header + ".." + JweParts.encode(iv) + "." + JweParts.encode(Arrays.copyOf(sealed, tag)) + "."
          + JweParts.encode(Arrays.copyOfRange(sealed, tag, sealed.length));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Flagon's header with this kid and times, optionally {@code "zip":"DEF"}. */
  public String header(long iat, long exp, boolean zip) {
    return "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid() + "\",\"iat\":" + iat + ",\"exp\":" + exp
        + (zip ? ",\"zip\":\"DEF\"" : "") + "}";
  }

  /** Raw DEFLATE, as the tests need it for hand-made compressed payloads. */
  public static byte[] rawDeflate(byte[] input) {
    return RawDeflate.deflate(input);
  }
}
