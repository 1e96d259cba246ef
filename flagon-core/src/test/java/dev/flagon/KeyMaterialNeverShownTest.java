package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Key material (the secret key, as text, hex or base64) never appears in a toString, a log line or an
 * exception message, in any format on the class path or policy. (flagon-encrypted's
 * EncryptedKeyMaterialTest adds its formats and the derived encryption key.)
 */
class KeyMaterialNeverShownTest {
  private static final String KEY = "Canary-Key-Material-7f3a9c2e";
  private static final String OLD = "Canary-Old-Key-Material-5b8d1e";

  private static List<String> forms(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return List.of(key, key.toLowerCase(), HexFormat.of().formatHex(bytes), Base64.getEncoder().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "Canary");
  }

  private static void assertClean(List<String> texts) {
    List<String> forbidden = new ArrayList<>(forms(KEY));
    forbidden.addAll(forms(OLD));
    for (String text : texts) {
      for (String form : forbidden) {
        assertThat(text).doesNotContain(form);
      }
    }
  }

  @Test
  void everyFormatAndPolicy_logsToStringsAndExceptions_showNoKeyMaterial() {
    List<String> texts = new ArrayList<>();
    for (String format : FlagonSettings.Providers.FORMATS.names) {
      for (SizePolicy policy : SizePolicy.values()) {
        RecordingLogger log = new RecordingLogger();
        FlagonConfig config = FlagonConfig.builder().secretKey(KEY).secretKeyFallbacks(List.of(Secret.fromText(OLD)))
            .sessionFormat(format).sizePolicy(policy).maxCookieSize(60).maxChunks(2)
            .sessionValidator((data, at) -> !data.containsKey("revoked"))
            .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC)).build();
        Flagon flagon = new Flagon(config, log);
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
        texts.addAll(log.lines);
      }
    }
    texts.add(Secret.fromText(KEY).toString());
    texts.add(KeyRing.of(Secret.fromText(KEY), List.of(Secret.fromText(OLD))).toString());
    assertThat(texts).hasSizeGreaterThan(20 * FlagonSettings.Providers.FORMATS.names.size()); // every format and policy ran
    assertClean(texts);
  }

  @Test
  void configurationErrors_neverShowTheKey() {
    List<String> texts = new ArrayList<>();
    texts.add(catchThrowable(() -> FlagonConfig.builder().secretKey("Canary").build()).getMessage());
    texts.add(catchThrowable(() -> FlagonConfig.builder().secretKey(KEY).secretKeyFallbacks(
        List.of(Secret.fromText("Canary-short"))).build()).getMessage());
    texts.add(catchThrowable(() -> FlagonConfig.fromMap(Map.of("SECRET_KEY", KEY.getBytes(StandardCharsets.UTF_8),
        "SECRET_KEY_FALLBACKS", List.of(OLD, 42)))).getMessage());
    texts.add(catchThrowable(() -> Secret.fromHex(KEY)).getMessage());
    assertClean(texts);
  }
}
