package dev.flagon.cli;

import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.UrlSafeTimedSerializer;
import java.util.List;

/** Builds the codec from the command line's keys and signing options. */
final class Serializers {
  private Serializers() {}

  static UrlSafeTimedSerializer create(Secret current, List<Secret> fallbacks, SigningOptions signing) {
    try {
      return UrlSafeTimedSerializer.create(KeyRing.of(current, fallbacks), signing.signing());
    } catch (IllegalArgumentException e) {
      // The core rejects unusable keys or parameters with messages that never contain a key.
      throw new UsageException(e.getMessage());
    }
  }
}
