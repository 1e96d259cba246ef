package dev.flagon.cli;

import dev.flagon.testing.FlaskVectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Flask vectors (flagon-core's test resources, docs/flask-session-format.md section 1) as command-line
 * arguments: text keys through {@code --secret-env}/{@code --fallback-env} and an injected environment,
 * bytes keys through {@code --secret-hex}/{@code --fallback-hex}.
 */
final class Vectors {
  private static final List<Map<String, Object>> CASES = FlaskVectors.cases();

  private Vectors() {}

  /** A case's keys and signing parameters. */
  record Keys(Object secretKey, List<Object> fallbackKeys, String salt, String digest, String keyDerivation) {
    List<String> args() {
      List<String> args = new ArrayList<>();
      args.addAll(keyArgs("--secret", "FLAGON_TEST_SECRET", secretKey));
      for (int i = 0; i < fallbackKeys.size(); i++) {
        args.addAll(keyArgs("--fallback", "FLAGON_TEST_FALLBACK_" + i, fallbackKeys.get(i)));
      }
      args.addAll(List.of("--salt", salt, "--digest", digest, "--key-derivation", keyDerivation));
      return args;
    }

    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      if (secretKey instanceof String text) {
        env.put("FLAGON_TEST_SECRET", text);
      }
      for (int i = 0; i < fallbackKeys.size(); i++) {
        if (fallbackKeys.get(i) instanceof String text) {
          env.put("FLAGON_TEST_FALLBACK_" + i, text);
        }
      }
      return env;
    }

    private static List<String> keyArgs(String prefix, String envName, Object key) {
      if (key instanceof String) {
        return List.of(prefix + "-env", envName);
      }
      String base64 = (String) ((Map<?, ?>) key).get("base64");
      return List.of(prefix + "-hex", HexFormat.of().formatHex(Base64.getDecoder().decode(base64)));
    }
  }

  record DumpCase(String name, Keys keys, long timestamp, String taggedJson, String cookie, boolean flaskEmits) {
    @Override
    public String toString() {
      return name;
    }
  }

  record LoadCase(String name, Keys keys, long now, long maxAge, String cookie, String error, boolean pythonQuirk) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<DumpCase> dumps() {
    List<DumpCase> dumps = new ArrayList<>();
    for (Map<String, Object> c : CASES) {
      if (c.get("kind").equals("dump")) {
        dumps.add(new DumpCase((String) c.get("name"), keys(c), number(c, "timestamp"),
            (String) c.get("tagged_json"), (String) c.get("cookie"), (Boolean) c.get("flask_emits")));
      }
    }
    return dumps;
  }

  static List<LoadCase> loads() {
    List<LoadCase> loads = new ArrayList<>();
    for (Map<String, Object> c : CASES) {
      if (c.get("kind").equals("load")) {
        Map<?, ?> expected = (Map<?, ?>) c.get("expected");
        loads.add(new LoadCase((String) c.get("name"), keys(c), number(c, "now"), number(c, "max_age"),
            (String) c.get("cookie"), (String) expected.get("error"), (Boolean) c.get("python_quirk")));
      }
    }
    return loads;
  }

  static DumpCase dump(String name) {
    return dumps().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Keys keys(Map<String, Object> c) {
    List<Object> fallbacks = c.get("fallback_keys") == null ? List.of() : (List<Object>) c.get("fallback_keys");
    return new Keys(c.get("secret_key"), fallbacks, (String) c.get("salt"), (String) c.get("digest"),
        (String) c.get("key_derivation"));
  }

  private static long number(Map<String, Object> c, String field) {
    return ((Number) c.get(field)).longValue();
  }
}
