package dev.flagon.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exception messages never carry the token, a part of it, or key material (STYLE habit 3). */
class MessagesTest {
  private static final String KEY_TEXT = "message-test-secret-key";
  private static final UrlSafeTimedSerializer SERIALIZER =
      UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(KEY_TEXT), List.of(Secret.fromText("old-" + KEY_TEXT))),
          Signing.flask());
  private static final TimestampSigner TIMED =
      TimestampSigner.create(KeyRing.of(Secret.fromText(KEY_TEXT)), Signing.flask());
  private static final long T = 1_700_000_000L;

  @Test
  void loads_manyRejectedTokens_messagesContainNoTokenPartOrKey() {
    List<String> rejected = rejectedTokens();
    int checked = 0;
    for (String token : rejected) {
      BadDataException e = catchThrowableOfType(BadDataException.class, () -> SERIALIZER.loads(token, T + 10, 100));
      if (e == null) {
        continue; // a mutation that still verifies would be caught by the properties; not this test's job
      }
      assertNoSecrets(e, token);
      BadDataException unverified = catchThrowableOfType(BadDataException.class, () -> UrlSafeTimedSerializer.decodeUnverified(token));
      if (unverified != null) {
        assertNoSecrets(unverified, token);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(1000);
  }

  private static void assertNoSecrets(Throwable e, String token) {
    List<String> forbidden = new ArrayList<>(List.of(KEY_TEXT));
    if (!token.isEmpty()) {
      forbidden.add(token);
    }
    for (String part : token.split("\\.")) {
      if (part.length() >= 8) {
        forbidden.add(part);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String text = String.valueOf(t.getMessage()) + " " + t;
      for (String f : forbidden) {
        assertThat(text).as("message of %s", t.getClass().getSimpleName()).doesNotContain(f);
      }
    }
  }

  /** Tampered, truncated, expired, future, garbage and validly signed but undecodable tokens. */
  private static List<String> rejectedTokens() {
    Random random = new Random(7);
    List<String> out = new ArrayList<>();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    for (int i = 0; i < 60; i++) {
      String json = "{\"k\":\"" + Long.toHexString(random.nextLong()).repeat(1 + random.nextInt(20)) + "\"}";
      String valid = SERIALIZER.dumps(json, T);
      out.add(SERIALIZER.dumps(json, T + 1000)); // future
      out.add(SERIALIZER.dumps(json, T - 1000)); // expired
      for (int j = 0; j < 20; j++) {
        int at = random.nextInt(valid.length());
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        out.add(valid.substring(0, at) + c + valid.substring(at + 1));
        out.add(valid.substring(0, at) + valid.substring(at + 1));
        out.add(valid.substring(0, at) + c + valid.substring(at));
      }
      out.add(valid.substring(0, valid.lastIndexOf('.')));
      out.add(valid.substring(0, valid.lastIndexOf('.')) + ".");
      out.add(valid + "=");
      out.add("x".repeat(Signer.MAX_TOKEN_LENGTH) + valid);
    }
    for (String payload : List.of("!!not-base64-json!!", ".bm90LXpsaWI", "_-_-_-_-", ".eJzLSM3JyQcABiwCFQ-ABCDEF")) {
      out.add(TIMED.sign(payload, T)); // validly signed, bad payload
    }
    out.add(Signer.create(KeyRing.of(Secret.fromText(KEY_TEXT)), Signing.flask()).sign("payloadWithoutTimestamp"));
    for (Map<String, Object> c : Vectors.cases("load")) {
      out.add((String) c.get("cookie"));
    }
    return out;
  }
}
