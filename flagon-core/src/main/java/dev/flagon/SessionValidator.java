package dev.flagon;

import java.time.Instant;
import java.util.Map;

/**
 * A check run on every cookie that verified, before its session is used: returning {@code false} revokes
 * it (the request gets a fresh empty session, and a DEBUG line is logged). This is how "log out everywhere"
 * works without a server-side session store, for example by comparing a per-user generation number stored
 * in the session with the one in the application's database:
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
 * <p>Called on the request thread, once per request that carries a valid cookie: keep it fast (cache what
 * it reads). An exception it throws propagates out of {@link Flagon#open}.
 */
@FunctionalInterface
public interface SessionValidator {
  /**
   * Whether this verified session may still be used.
   *
   * @param data the session's data: an unmodifiable view, valid during this call only (the session
   *     takes the map over afterwards, so copy what you want to keep)
   * @param signedAt when the cookie was signed (or sealed): the last time the session was saved
   */
  boolean isValid(Map<String, Object> data, Instant signedAt);
}
