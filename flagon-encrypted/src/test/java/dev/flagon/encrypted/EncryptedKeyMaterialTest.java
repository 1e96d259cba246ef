package dev.flagon.encrypted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.SizePolicy;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Key material (the secret key, as text, hex or base64, and the derived encryption key) never appears in a
 * toString, a log line or an exception message of the encrypted formats, in any size policy (as core's
 * KeyMaterialNeverShownTest for the signed one). Log lines are taken from {@code java.util.logging}, which
 * backs {@link System.Logger} by default.
 */
class EncryptedKeyMaterialTest {
  private static final String KEY = "Canary-Key-Material-7f3a9c2e";
  private static final String OLD = "Canary-Old-Key-Material-5b8d1e";

  private static List<String> forms(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    byte[] derived = JweForge.rawKey(key, "session");
    return List.of(key, key.toLowerCase(), HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(derived),
        Base64.getUrlEncoder().withoutPadding().encodeToString(derived), "Canary");
  }

  @Test
  void everyFormatAndPolicy_logsToStringsAndExceptions_showNoKeyMaterial() {
    List<String> texts = new ArrayList<>();
    Logger logger = Logger.getLogger("dev.flagon");
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        texts.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
    try {
      for (String format : new EncryptedFormats().names()) {
        for (SizePolicy policy : SizePolicy.values()) {
          FlagonConfig config = FlagonConfig.builder().secretKey(KEY)
              .secretKeyFallbacks(List.of(Secret.fromText(OLD))).sessionFormat(format).sizePolicy(policy)
              .maxCookieSize(60).maxChunks(2).sessionValidator((data, at) -> !data.containsKey("revoked"))
              .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC)).build();
          Flagon flagon = Flagon.create(config);
          texts.add(config.toString());
          texts.add(flagon.toString());
          Session session = flagon.open("session=eyJ4Ijox.ZVPxAA.AAAA; session.1=x");
          session.put("revoked", "x".repeat(200));
          texts.add(session.toString());
          Throwable thrown = catchThrowable(() -> flagon.save(session));
          if (thrown != null) {
            texts.add(thrown.toString());
          }
          flagon.open("session=" + "A".repeat(20_000));
          flagon.open("session=3~abc; session.1=def");
          flagon.open("session=a..b.c.d");
        }
      }
    } finally {
      logger.removeHandler(handler);
      logger.setUseParentHandlers(true);
      logger.setLevel(level);
    }
    texts.add(JweSerializer.create(KeyRing.of(Secret.fromText(KEY)), "session", false).toString());
    assertThat(texts).hasSizeGreaterThan(40).anyMatch(text -> text.startsWith("FINE Ignored the 'session'"));
    List<String> forbidden = new ArrayList<>(forms(KEY));
    forbidden.addAll(forms(OLD));
    for (String text : texts) {
      for (String form : forbidden) {
        assertThat(text).doesNotContain(form);
      }
    }
  }
}
