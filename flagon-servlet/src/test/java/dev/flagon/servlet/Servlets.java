package dev.flagon.servlet;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** Small servlets from lambdas, and the values Flask produced for the HTTP vectors' secret and time. */
final class Servlets {
  /** The HTTP vectors' secret key. */
  static final String SECRET = "http-public-secret";
  /** 2023-11-14T22:13:20Z, the first step of the HTTP vectors. */
  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  /** Flask's cookie for {@code {"user_id": 12345}} at {@link #NOW}. */
  static final String LOGIN_VALUE = "eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A";
  /** Flask's Set-Cookie for {@link #LOGIN_VALUE}. */
  static final String LOGIN = "session=" + LOGIN_VALUE + "; HttpOnly; Path=/";
  /** Flask's Set-Cookie that deletes the session cookie. */
  static final String DELETE = "session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/";

  private Servlets() {}

  /** A Flagon with the vectors' secret and a fixed clock at {@link #NOW}. */
  static Flagon flagon() {
    return Flagon.create(config().build());
  }

  static FlagonConfig.Builder config() {
    return FlagonConfig.builder().secretKey(SECRET).clock(new MutableClock(NOW));
  }

  @FunctionalInterface
  interface Handler {
    void handle(HttpServletRequest request, HttpServletResponse response) throws Exception;
  }

  static HttpServlet servlet(Handler handler) {
    return new HttpServlet() {
      @Override
      protected void service(HttpServletRequest request, HttpServletResponse response)
          throws ServletException, IOException {
        try {
          handler.handle(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new ServletException(e);
        }
      }
    };
  }
}
