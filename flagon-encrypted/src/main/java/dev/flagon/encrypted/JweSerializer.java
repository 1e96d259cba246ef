package dev.flagon.encrypted;

import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.BadTimeSignatureException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.SignatureExpiredException;
import dev.flagon.codec.Verified;
import dev.flagon.internal.BoundedInflater;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens the {@code encrypted} format's cookies, a standard compact JWE (RFC 7516, {@code alg}
 * {@code dir}, {@code enc} {@code A256GCM}) that any JOSE library holding the key can read and write.
 * Immutable and thread-safe.
 *
 * <ul>
 *   <li>Keys: {@code HKDF-SHA256(ikm = secret key, salt = none, info = "flagon-session-v1:" + cookie name)},
 *       32 bytes (RFC 5869): one secret gives unrelated keys for signing, for each cookie name, and for
 *       any later format version.
 *   <li>{@code kid}: base64url of the first 8 bytes of SHA-256 of the derived key, so the key of a cookie
 *       is found without trial decryption; it reveals nothing usable about the key.
 *   <li>Protected header {@code {"alg":"dir","enc":"A256GCM","kid":...,"iat":...,"exp":...}} (plus
 *       {@code "zip":"DEF"} when compressed): the times are authenticated as GCM's AAD but not secret.
 *   <li>Plaintext: the session's JSON text as UTF-8 (raw DEFLATE first if compressed); a fresh 96-bit IV
 *       from {@link SecureRandom} per cookie and a 128-bit tag.
 * </ul>
 *
 * <p>Reading: length cap, header (strict, bounded), key by {@code kid}, authenticated decryption, then times,
 * then inflate (capped at 512 KiB) and UTF-8. Everything before decryption succeeds fails with
 * {@link BadSignatureException}, so a forged cookie is just a fresh session.
 *
 * <p>Random IVs bound how much one key may seal: rotate the secret key before it has sealed about 2^32
 * cookies (NIST SP 800-38D), which {@code SESSION_REFRESH_EACH_REQUEST} on a busy site can reach in weeks.
 */
public final class JweSerializer {
  /** The HKDF info prefix; the cookie name follows. */
  public static final String PURPOSE_PREFIX = "flagon-session-v1:";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** Keys in lookup order: the current one, then the fallbacks newest first. */
  private final List<AesKey> keys;
  private final boolean compress;

  private JweSerializer(List<AesKey> keys, boolean compress) {
    this.keys = keys;
    this.compress = compress;
  }

  /**
   * A serializer for these keys, derived once here.
   *
   * @param keys the current key, which seals new cookies, and the fallbacks still accepted
   * @param cookieName binds the keys to one cookie: {@code info = "flagon-session-v1:" + cookieName}
   * @param compress whether to deflate before encrypting ({@code "zip":"DEF"}); reading accepts both
   * @throws NullPointerException if an argument is null
   */
  public static JweSerializer create(KeyRing keys, String cookieName, boolean compress) {
    byte[] info = (PURPOSE_PREFIX + Objects.requireNonNull(cookieName, "cookieName"))
        .getBytes(StandardCharsets.UTF_8);
    List<AesKey> derived = new ArrayList<>();
    for (byte[] key : keys.derive(secret -> Hkdf.derive(secret, new byte[0], info, 32))) {
      derived.add(AesKey.of(key, keys.keyIndex(derived.size())));
    }
    return new JweSerializer(List.copyOf(derived), compress);
  }

  /** The {@code kid} of the current key: safe to log, useful to see which key a fleet uses. */
  public String currentKeyId() {
    return keys.get(0).kid;
  }

  /**
   * The compact JWE for this JSON text, sealed with the current key.
   *
   * @param issuedAtEpochSeconds the {@code iat} header value, not negative
   * @param expiresAtEpochSeconds the {@code exp} header value: the last second it is valid
   * @throws IllegalArgumentException if a time is negative or the text is not valid Unicode
   */
  public String dumps(String json, long issuedAtEpochSeconds, long expiresAtEpochSeconds) {
    if (issuedAtEpochSeconds < 0 || expiresAtEpochSeconds < 0) {
      throw new IllegalArgumentException("times must not be negative");
    }
    AesKey key = keys.get(0);
    String header = JweParts.encode(new JweHeader(key.kid, compress, issuedAtEpochSeconds,
        expiresAtEpochSeconds).toJson().getBytes(StandardCharsets.US_ASCII));
    byte[] plaintext;
    try {
      ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(json));
      plaintext = Arrays.copyOf(utf8.array(), utf8.limit());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("JSON text is not valid Unicode (it has a lone surrogate)", e);
    }
    if (compress) {
      plaintext = RawDeflate.deflate(plaintext);
    }
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] sealed;
    try {
      sealed = key.cipher(Cipher.ENCRYPT_MODE, iv, header).doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available in this JDK", e);
    }
    int tagStart = sealed.length - TAG_BITS / 8;
    return header + ".." + JweParts.encode(iv) + "." + JweParts.encode(Arrays.copyOf(sealed, tagStart))
        + "." + JweParts.encode(Arrays.copyOfRange(sealed, tagStart, sealed.length));
  }

  /**
   * Decrypts a compact JWE and checks its times: {@code iat} no later than now and at most
   * {@code maxAgeSeconds} ago, {@code exp} not passed (both inclusive, as Flask's max age).
   *
   * @return the JSON text, the {@code iat} time, and which key opened it ({@code 0} the current key,
   *     {@code 1..n} the fallbacks in configured order)
   * @throws BadSignatureException if the token is too long, not a compact JWE Flagon reads, sealed with
   *     an unknown key, or does not authenticate
   * @throws BadTimeSignatureException if it authenticates but has no {@code iat} or {@code exp}
   * @throws SignatureExpiredException if it is too old, expired, or issued in the future
   * @throws BadPayloadException if it authenticates but cannot be inflated or is not UTF-8
   */
  public Verified loads(String token, long nowEpochSeconds, long maxAgeSeconds) {
    JweParts parts = JweParts.split(token);
    AesKey key = find(parts.header.kid);
    byte[] plaintext;
    try {
      plaintext = key.cipher(Cipher.DECRYPT_MODE, parts.iv, parts.encodedHeader).doFinal(parts.sealed);
    } catch (AEADBadTagException e) {
      throw new BadSignatureException("JWE does not authenticate");
    } catch (GeneralSecurityException e) {
      throw new BadSignatureException("JWE could not be decrypted");
    }
    checkTimes(parts.header, nowEpochSeconds, maxAgeSeconds);
    if (parts.header.deflated) {
      plaintext = BoundedInflater.inflate(plaintext, true, BoundedInflater.MAX_INFLATED_LENGTH);
    }
    try {
      String json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plaintext)).toString();
      return new Verified(json, parts.header.issuedAt, key.keyIndex);
    } catch (CharacterCodingException e) {
      throw new BadPayloadException("The payload is not valid UTF-8", e);
    }
  }

  private AesKey find(String kid) {
    for (AesKey key : keys) {
      if (MessageDigest.isEqual(key.kidBytes, kid.getBytes(StandardCharsets.UTF_8))) {
        return key;
      }
    }
    throw new BadSignatureException("JWE kid names no configured key");
  }

  private static void checkTimes(JweHeader header, long now, long maxAge) {
    if (header.issuedAt < 0 || header.expiresAt < 0) {
      throw new BadTimeSignatureException("timestamp missing");
    }
    long age = now - header.issuedAt;
    if (age > maxAge || now > header.expiresAt) {
      throw new SignatureExpiredException(
          "JWE age " + age + " > " + maxAge + " seconds, or past its exp", signedAt(header));
    }
    if (age < 0) {
      throw new SignatureExpiredException("JWE age " + age + " < 0 seconds", signedAt(header));
    }
  }

  private static Instant signedAt(JweHeader header) {
    return Instant.ofEpochSecond(Math.min(header.issuedAt, Instant.MAX.getEpochSecond()));
  }

  /** Redacted: the number of keys and the current kid only. */
  @Override
  public String toString() {
    return "JweSerializer[" + keys.size() + " keys, current kid " + currentKeyId() + "]";
  }

  /** One derived AES-256 key with its kid. */
  private static final class AesKey {
    final SecretKeySpec spec;
    final String kid;
    final byte[] kidBytes;
    final int keyIndex;

    private AesKey(SecretKeySpec spec, String kid, int keyIndex) {
      this.spec = spec;
      this.kid = kid;
      this.kidBytes = kid.getBytes(StandardCharsets.US_ASCII);
      this.keyIndex = keyIndex;
    }

    /** The key for these HKDF output bytes, which are wiped. */
    static AesKey of(byte[] okm, int keyIndex) {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(okm);
        String kid = JweParts.encode(Arrays.copyOf(digest, 8));
        return new AesKey(new SecretKeySpec(okm, "AES"), kid, keyIndex);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is not available in this JDK", e);
      } finally {
        Arrays.fill(okm, (byte) 0); // SecretKeySpec keeps its own copy
      }
    }

    /** A fresh cipher: the JDK refuses to reuse one with the same IV, and instances are not thread-safe. */
    Cipher cipher(int mode, byte[] iv, String encodedHeader) throws GeneralSecurityException {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, spec, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(encodedHeader.getBytes(StandardCharsets.US_ASCII)); // RFC 7516 5.1 step 14
      return cipher;
    }
  }
}
