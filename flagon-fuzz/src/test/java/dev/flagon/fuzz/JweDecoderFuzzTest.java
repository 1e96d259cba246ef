package dev.flagon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.codec.BadDataException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.encrypted.JweForge;
import dev.flagon.encrypted.JweSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JweSerializer.loads. Odd first byte: the rest is a token as any client could send, which must fail with
 * BadSignatureException (or its subclasses) unless it is a real token. Even: the rest is
 * {@code header JSON \n plaintext bytes}, sealed under the key as only a key holder could, so the fuzzer reaches
 * the header checks, times, raw inflate and UTF-8: a value or a BadDataException, nothing else.
 */
class JweDecoderFuzzTest {
  private static final JweSerializer JWE =
      JweSerializer.create(KeyRing.of(Secret.fromText(Targets.SECRET)), "session", false);
  private static final JweForge FORGE = JweForge.forSecret(Targets.SECRET, "session");

  @FuzzTest(maxDuration = "30s")
  void loads(byte[] input) {
    String text = Targets.rest(input);
    if (Targets.mode(input) % 2 == 1) {
      try {
        JWE.loads(text, Targets.NOW, 3600);
      } catch (BadSignatureException expected) {
        // forged, malformed or expired
      }
      return;
    }
    byte[] rest = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    int newline = 0;
    while (newline < rest.length && rest[newline] != '\n') {
      newline++;
    }
    String header = new String(rest, 0, newline, StandardCharsets.UTF_8);
    // The plaintext as raw bytes, not text: a zip header's raw deflate stream can be any bytes.
    byte[] plaintext = newline < rest.length ? Arrays.copyOfRange(rest, newline + 1, rest.length) : new byte[0];
    try {
      JWE.loads(FORGE.seal(header, plaintext), Targets.NOW, 3600);
    } catch (BadDataException expected) {
      // authentic but unacceptable: bad header, times, deflate or UTF-8
    }
  }
}
