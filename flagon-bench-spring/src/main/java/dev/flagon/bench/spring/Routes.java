package dev.flagon.bench.spring;

/** The bench routes' answers, the same as {@code BenchServer}'s and {@code flask_app.py}'s. */
final class Routes {
  static final int USER_ID = 12345;

  private Routes() {}

  /** {@code GET /}: the read path's body. */
  static String index(Object userId) {
    return userId == null ? "Not logged in" : "Logged in as user " + userId;
  }

  /** {@code GET /write}: the counter's next value. */
  static int next(Object counter) {
    return counter instanceof Number n ? n.intValue() + 1 : 1;
  }
}
