package dev.flagon;

import java.time.Instant;
import java.util.Map;

/**
 * A check of every cookie that verified, before its session is used: {@code false} revokes it (a fresh empty
 * session and a DEBUG line). This is "log out everywhere" without a server-side store, for example with a
 * per-user generation number kept both in the session and in the application's database:
 *
 * <pre>{@code
 * // at login: session.put("user_id", id); session.put("gen", users.generation(id));
 * // "log out everywhere": users.incrementGeneration(id);
 * FlagonConfig.builder().sessionValidator((data, signedAt) -> {
 *   Object id = data.get("user_id");
 *   return id == null || Objects.equals(data.get("gen"), users.generation(id));
 * })
 * }</pre>
 *
 * <p>Runs on the request thread for every request with a valid cookie: keep it fast (cache what it reads).
 * An exception it throws propagates out of {@link Flagon#open}.
 */
@FunctionalInterface
public interface SessionValidator {
  /**
   * @param data the session's data, unmodifiable and valid during this call only (copy what you keep)
   * @param signedAt when the cookie was signed (or sealed): the last time the session was saved
   */
  boolean isValid(Map<String, Object> data, Instant signedAt);
}
