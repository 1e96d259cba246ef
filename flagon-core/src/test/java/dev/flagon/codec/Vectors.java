package dev.flagon.codec;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.testing.FlaskVectors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The Flask 3.1.3 vectors ({@code vectors/vectors.json}, spec section 1), read as plain maps. */
final class Vectors {
  private static final List<Map<String, Object>> CASES = FlaskVectors.cases();

  private Vectors() {}

  static List<Map<String, Object>> cases(String kind) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> c : CASES) {
      if (kind.equals(c.get("kind"))) {
        out.add(c);
      }
    }
    return out;
  }

  /** A JSON string is a text key; an NV bytes object ({@code {"type":"bytes","base64":...}}) raw bytes. */
  static Secret key(Object nv) {
    if (nv instanceof String) {
      return Secret.fromText((String) nv);
    }
    Map<?, ?> map = (Map<?, ?>) nv;
    if (!"bytes".equals(map.get("type"))) {
      throw new IllegalArgumentException("unsupported key encoding " + map.get("type"));
    }
    return Secret.fromBytes(Base64.getDecoder().decode((String) map.get("base64")));
  }

  static List<Secret> fallbacks(Map<String, Object> c) {
    List<Secret> out = new ArrayList<>();
    Object list = c.get("fallback_keys");
    if (list != null) {
      for (Object k : (List<?>) list) {
        out.add(key(k));
      }
    }
    return out;
  }

  static Signing signing(Map<String, Object> c) {
    return Signing.of(
        (String) c.get("salt"),
        Digest.fromName((String) c.get("digest")),
        KeyDerivation.fromName((String) c.get("key_derivation")));
  }

  static UrlSafeTimedSerializer serializer(Map<String, Object> c) {
    return UrlSafeTimedSerializer.create(KeyRing.of(key(c.get("secret_key")), fallbacks(c)), signing(c));
  }

  static long longValue(Map<String, Object> c, String field) {
    return ((Number) c.get(field)).longValue();
  }
}
