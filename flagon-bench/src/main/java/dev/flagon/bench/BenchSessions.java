package dev.flagon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flagon.codec.KeyRing;
import dev.flagon.codec.Secret;
import dev.flagon.codec.Signing;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The three benchmark sessions, as {@code gen_sessions.py} stored them from Flask: the secret key, the
 * signing time, and per session Flask's tagged JSON text and the exact cookie Flask made of it.
 */
public final class BenchSessions {
  /** The sizes, smallest first. */
  public static final List<String> SIZES = List.of("small", "medium", "large");

  public final String secretKey;
  public final long timestamp;
  private final JsonNode sessions;

  private BenchSessions(JsonNode root) {
    this.secretKey = root.get("secret_key").asText();
    this.timestamp = root.get("timestamp").asLong();
    this.sessions = root.get("sessions");
  }

  /** Reads {@code sessions.json} from the classpath. */
  public static BenchSessions load() {
    try (InputStream in = BenchSessions.class.getResourceAsStream("sessions.json")) {
      return new BenchSessions(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flask's tagged JSON text of a session. */
  public String taggedJson(String size) {
    return session(size).get("tagged_json").asText();
  }

  /** The cookie Flask made of a session at {@link #timestamp}. */
  public String cookie(String size) {
    return session(size).get("cookie").asText();
  }

  /** The session as Flagon's Java values (mutable maps and lists, {@code Tuple}s, datetimes). */
  public Object value(String size) {
    return TaggedJson.standard().loads(taggedJson(size));
  }

  /** Flask's serializer for these sessions' key. */
  public UrlSafeTimedSerializer serializer() {
    return UrlSafeTimedSerializer.create(KeyRing.of(Secret.fromText(secretKey)), Signing.flask());
  }

  private JsonNode session(String size) {
    JsonNode node = sessions.get(size);
    if (node == null) {
      throw new IllegalArgumentException("no session named " + size + "; expected one of " + SIZES);
    }
    return node;
  }
}
