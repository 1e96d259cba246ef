package dev.flagon.login;

import java.util.Optional;

/**
 * Flask-Login's {@code user_loader}: the application's user for an id from the session or the remember
 * cookie. Called at most once or twice per request, from the request's thread.
 *
 * @param <U> the application's user type
 */
@FunctionalInterface
public interface UserLoader<U extends LoginUser> {
  /**
   * The user with this id, or empty when there is none (then the request is anonymous).
   *
   * @param id the id as Flask-Login stored it: any text, possibly not one the application ever issued
   */
  Optional<U> load(String id);
}
