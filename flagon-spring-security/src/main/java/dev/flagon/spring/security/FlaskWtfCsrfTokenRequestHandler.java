package dev.flagon.spring.security;

import dev.flagon.login.CsrfException;
import dev.flagon.login.spring.FlagonLogins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;

/**
 * Checks a request's CSRF token as Flask-WTF's {@code CSRFProtect} does: the signed token from the form
 * field {@code WTF_CSRF_FIELD_NAME} (or a field ending with it), else from the {@code WTF_CSRF_HEADERS}
 * ({@code X-CSRFToken}, {@code X-CSRF-Token}), verified against the session's raw token and
 * {@code WTF_CSRF_TIME_LIMIT}, and under HTTPS the strict {@code Referer} check. Signed tokens differ
 * from request to request, so rather than comparing texts, a token that passes resolves to the expected
 * one and a token that fails to none: Spring's {@code CsrfFilter} then answers 403. The failure's
 * {@link CsrfException} (Flask-WTF's message) is left in the request attribute {@link #FAILURE}. The token
 * is exposed to views as {@code _csrf} and {@code csrf_token}, unmasked (Flask-WTF's tokens are not masked
 * either; each carries its own signing time).
 */
public final class FlaskWtfCsrfTokenRequestHandler implements CsrfTokenRequestHandler {
  /** The request attribute holding the {@link CsrfException} of a token that did not pass. */
  public static final String FAILURE = FlaskWtfCsrfTokenRequestHandler.class.getName() + ".failure";

  private final FlagonLogins logins;
  private final CsrfTokenRequestAttributeHandler attributes = new CsrfTokenRequestAttributeHandler();

  /** A handler over flagon-login's per-request CSRF checks. */
  public FlaskWtfCsrfTokenRequestHandler(FlagonLogins logins) {
    this.logins = Objects.requireNonNull(logins, "logins");
  }

  /** Exposes the token to views as Spring's {@code CsrfTokenRequestAttributeHandler} does. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
    attributes.handle(request, response, token);
  }

  /** The expected token when the request passes Flask-WTF's check, else {@code null} (a 403). */
  @Override
  public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken expected) {
    try {
      logins.csrf(request).protect();
      return expected.getToken();
    } catch (CsrfException e) {
      request.setAttribute(FAILURE, e);
      return null;
    }
  }
}
