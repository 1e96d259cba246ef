package dev.flagon.bench.http;

import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import java.util.Map;

/**
 * Prints a fresh session cookie for {@code {"user_id": 12345}} signed now, which Flask and Flagon both
 * accept (same key, same format). Usage: {@code MintCookie [SECRET_KEY]}.
 */
public final class MintCookie {
  private MintCookie() {}

  public static void main(String[] args) {
    String secretKey = args.length > 0 ? args[0] : "flagon-bench-secret-key";
    UrlSafeTimedSerializer serializer =
        UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(secretKey)), Signing.flask());
    System.out.println(serializer.dumps(TaggedJson.standard().dumps(Map.of("user_id", 12345)),
        System.currentTimeMillis() / 1000));
  }
}
