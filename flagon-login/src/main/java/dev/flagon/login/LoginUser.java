package dev.flagon.login;

/**
 * What Flask-Login needs of an application's user ({@code UserMixin}): the id stored in the session and in
 * the remember cookie, and whether the account may log in.
 */
public interface LoginUser {
  /**
   * The user's id as text ({@code get_id()}): any text, not only digits; {@code |} and non-ASCII included.
   * Never {@code null}.
   */
  String id();

  /** Whether the user may log in ({@code is_active}); an inactive user is refused unless forced. */
  default boolean isActive() {
    return true;
  }
}
