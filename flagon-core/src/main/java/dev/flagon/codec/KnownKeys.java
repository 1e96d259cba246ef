package dev.flagon.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The keys of the flask-unsign wordlist (55,982 keys found in public code, tutorials and answers; MIT
 * License, notice in {@code known-keys-LICENSE.md} beside the resource), the list attackers try first to
 * crack a Flask session cookie. Stored compactly: the first 8 bytes of SHA-256 of each distinct key of
 * {@value SecretPolicy#MIN_LENGTH} bytes or more (32,315: some entries stand for a bytes key too), sorted.
 * A random key matches one by chance with a probability of about 2<sup>-49</sup>. Made by
 * {@code flagon-core/src/build/known_keys.py}.
 */
final class KnownKeys {
  private static final String RESOURCE = "known-keys.bin";

  /** The table as read: 8-byte big-endian prefixes, searched in place rather than copied into a long[]. */
  private final ByteBuffer prefixes;

  private KnownKeys(ByteBuffer prefixes) {
    this.prefixes = prefixes;
  }

  /** Reads the table (about 250 KB): callers keep it only as long as they need it. */
  static KnownKeys load() {
    try (InputStream in = KnownKeys.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from flagon-core");
      }
      return new KnownKeys(ByteBuffer.wrap(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** How many keys the table holds. */
  int size() {
    return prefixes.capacity() / Long.BYTES;
  }

  /** Whether the key is on the list: its SHA-256 starts like one of the listed keys'. */
  boolean contains(byte[] key) {
    long prefix = ByteBuffer.wrap(Digest.SHA256.newMessageDigest().digest(key)).getLong();
    int low = 0;
    int high = size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long found = prefixes.getLong(middle * Long.BYTES);
      if (found == prefix) {
        return true;
      }
      if (found < prefix) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return false;
  }
}
