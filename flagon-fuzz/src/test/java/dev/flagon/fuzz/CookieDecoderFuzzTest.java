package dev.flagon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.CookieFormat;
import dev.flagon.Flagon;
import dev.flagon.SizePolicy;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.TimestampSigner;
import dev.flagon.testing.Zlib;
import java.util.Arrays;
import java.util.Base64;

/**
 * Flagon.openCookieValue on Flask-signed cookies. Odd first byte: the rest is a cookie value as any client
 * could send (it must give a session, empty when rejected). Even: the rest is signed with the key first,
 * as only a key holder could, so the fuzzer reaches base64, zlib, UTF-8, tagged JSON and the session
 * checks (a session or BadPayloadException); with bit 1 the rest's bytes are base64-encoded first, with
 * bit 2 also zlib-compressed (Flask's {@code .} form), so mutations land in the JSON itself. Anything else
 * thrown is a finding.
 */
class CookieDecoderFuzzTest {
  private static final Flagon FLAGON = Targets.flagon(CookieFormat.SIGNED, SizePolicy.ERROR);
  private static final TimestampSigner SIGNER =
      TimestampSigner.create(KeyRing.of(Secret.fromText(Targets.SECRET)), Signing.flask());

  /** The token payload a key holder signs: the text itself, or the input's bytes encoded as Flask would. */
  private static String payload(byte[] input, String text) {
    if ((Targets.mode(input) & 6) == 0) {
      return text;
    }
    byte[] bytes = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    if ((Targets.mode(input) & 4) == 0) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
    return "." + Base64.getUrlEncoder().withoutPadding().encodeToString(Zlib.compress(bytes));
  }

  @FuzzTest(maxDuration = "30s")
  void openCookieValue(byte[] input) {
    String text = Targets.rest(input);
    if (Targets.mode(input) % 2 == 1) {
      FLAGON.openCookieValue(text); // any client: never an exception
      return;
    }
    String signed;
    try {
      signed = SIGNER.sign(payload(input, text), Targets.NOW);
    } catch (IllegalArgumentException notUnicode) {
      return; // a lone surrogate cannot be signed (Python cannot encode it either)
    }
    try {
      FLAGON.openCookieValue(signed);
    } catch (BadPayloadException expected) {
      // validly signed garbage: Flask answers 500, Flagon throws this typed error
    }
  }
}
