package dev.flagon.cli;

import dev.flagon.codec.BadDataException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signer;
import dev.flagon.codec.Signing;
import java.util.ArrayList;
import java.util.List;

/**
 * After a signature mismatch, whether a key given would have matched read the other way: hex digits
 * taken as text, or text that is hex digits decoded to bytes. {@code ./flagon secret} prints hex that
 * servers use as text, so {@code --secret-hex} with it is a different key; this says so, without the key.
 */
final class OtherReadings {
  private OtherReadings() {}

  /** One hint per key whose other reading signs this cookie. */
  static List<String> hints(List<KeySource> sources, String cookie, Signing signing, CliContext context) {
    List<String> hints = new ArrayList<>();
    for (KeySource source : sources) {
      Secret other = source.otherReading(context);
      if (other != null && signs(other, cookie, signing)) {
        hints.add(source.otherReadingHint());
      }
    }
    return hints;
  }

  /** A timestamped cookie's signature covers value and timestamp, so the plain signer checks it. */
  private static boolean signs(Secret key, String cookie, Signing signing) {
    try {
      Signer.create(KeyRing.of(key), signing).unsign(cookie);
      return true;
    } catch (BadDataException e) {
      return false;
    }
  }
}
