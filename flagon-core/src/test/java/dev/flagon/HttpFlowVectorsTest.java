package dev.flagon;

import static dev.flagon.testing.PlainJson.list;
import static dev.flagon.testing.PlainJson.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.testing.PlainJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every flow of {@code vectors/http-vectors.json} at the core level: configured through
 * {@link FlagonConfig#fromMap} from the flow's Flask config, opened from the recorded Cookie headers, run
 * through the route catalog, saved, and compared byte for byte with what Flask sent.
 */
class HttpFlowVectorsTest {
  private static final List<Object> FLOWS = list(PlainJson.resource("/vectors/http-vectors.json").get("cases"));

  @Test
  void vectors_areAllHere() {
    assertThat(FLOWS).hasSizeGreaterThanOrEqualTo(14);
  }

  @TestFactory
  Stream<DynamicTest> flows_matchFlaskByteForByte() {
    return FLOWS.stream().map(PlainJson::map)
        .map(flow -> DynamicTest.dynamicTest((String) flow.get("name"), () -> runFlow(flow)));
  }

  /** The Flask config of a flow as FlagonConfig.fromMap reads it, in Flask-compatible mode (WARN, weak keys allowed). */
  static Map<String, Object> flaskConfig(Map<String, Object> flow) {
    Map<String, Object> config = new HashMap<>(map(flow.get("config")));
    config.put("SECRET_KEY", key(config.get("SECRET_KEY")));
    if (config.get("SECRET_KEY_FALLBACKS") != null) {
      List<Object> keys = new ArrayList<>();
      list(config.get("SECRET_KEY_FALLBACKS")).forEach(k -> keys.add(key(k)));
      config.put("SECRET_KEY_FALLBACKS", keys);
    }
    Map<String, Object> signing = map(flow.get("signing"));
    config.put("SESSION_SALT", signing.get("salt"));
    config.put("SESSION_DIGEST", signing.get("digest"));
    config.put("SESSION_KEY_DERIVATION", signing.get("key_derivation"));
    config.put("SESSION_SIZE_POLICY", "warn");
    config.put("SECRET_KEY_ALLOW_WEAK", true); // Flask's vectors use keys such as "new-http-key"
    return config;
  }

  /** A JSON string is a text key; an NV bytes object raw bytes. */
  private static Object key(Object nv) {
    if (nv instanceof Map<?, ?> bytes) {
      return Base64.getDecoder().decode((String) bytes.get("base64"));
    }
    return nv;
  }

  private static void runFlow(Map<String, Object> flow) {
    Map<String, Object> config = flaskConfig(flow);
    if (config.get("SECRET_KEY") == null) {
      assertNoSecretKeyFlow(flow, config);
      return;
    }
    for (Object s : list(flow.get("steps"))) {
      runStep(FlagonConfig.fromMap(config), map(s), (String) config.get("APPLICATION_ROOT"));
    }
  }

  /**
   * Flask without SECRET_KEY uses a null session: reads see an empty session, writes fail (500) and nothing is
   * ever saved (no Set-Cookie, no Vary). Flagon refuses to start instead; the integration (the conformance
   * server) turns that into Flask's null-session answers. Here: build() fails, and the vector shows those answers.
   */
  private static void assertNoSecretKeyFlow(Map<String, Object> flow, Map<String, Object> config) {
    assertThatThrownBy(() -> FlagonConfig.fromMap(config))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SECRET_KEY");
    for (Object s : list(flow.get("steps"))) {
      Map<String, Object> step = map(s);
      assertThat(list(step.get("set_cookie"))).isEmpty();
      assertThat(step.get("vary")).isNull();
      assertThat(map(step.get("cookie_state")).get("action")).isEqualTo("none");
    }
  }

  private static void runStep(FlagonConfig base, Map<String, Object> step, String applicationRoot) {
    long now = ((Number) step.get("now")).longValue();
    Flagon flagon = Flagon.create(base.toBuilder().clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
        .build());
    Map<String, Object> request = map(step.get("request"));
    List<String> cookies = new ArrayList<>();
    for (Object h : list(request.get("headers"))) {
      if ("cookie".equalsIgnoreCase((String) list(h).get(0))) {
        cookies.add((String) list(h).get(1));
      }
    }
    String path = (String) request.get("path");

    Session session = flagon.open(cookies);
    RouteCatalog.Response response = RouteCatalog.run(session, path, applicationRoot);
    CookieUpdate update = flagon.save(session);

    Map<String, Object> expected = map(step.get("response"));
    String what = path + " at " + now;
    assertThat(update.setCookieHeaders()).as("Set-Cookie for %s", what).isEqualTo(step.get("set_cookie"));
    assertThat(update.varyCookie()).as("Vary: Cookie for %s", what).isEqualTo("Cookie".equals(step.get("vary")));
    assertThat(response.status()).as("status for %s", what).isEqualTo(((Number) expected.get("status")).intValue());
    assertThat(response.body()).as("body for %s", what).isEqualTo(expected.get("body"));
    assertThat(update.sizeWarning().stream().toList()).as("warnings for %s", what).isEqualTo(step.get("warnings"));
    Map<String, Object> state = map(step.get("cookie_state"));
    assertThat(update.action().name().toLowerCase()).as("action for %s", what).isEqualTo(state.get("action"));
    for (Object h : list(expected.get("headers"))) {
      if ("Vary".equalsIgnoreCase((String) list(h).get(0))) {
        assertThat(update.varyCookie()).as("Vary header for %s", what).isTrue();
      }
    }
  }
}
