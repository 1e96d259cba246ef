package dev.flagon.spring.security;

import dev.flagon.login.CsrfConfig;
import dev.flagon.login.spring.FlagonLogins;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Spring Security's CSRF token kept as Flask-WTF keeps it: the raw token in the Flagon session under
 * {@code WTF_CSRF_FIELD_NAME}; the {@link CsrfToken} a page renders is Flask-WTF's signed form token (the
 * one {@code generate_csrf()} gives), with parameter name {@code WTF_CSRF_FIELD_NAME} ({@code csrf_token})
 * and header name the first of {@code WTF_CSRF_HEADERS} ({@code X-CSRFToken}). So a form Spring renders
 * posts to Flask, and with {@link FlaskWtfCsrfTokenRequestHandler} a form Flask renders posts to Spring.
 */
public final class FlaskWtfCsrfTokenRepository implements CsrfTokenRepository {
  private final FlagonLogins logins;
  private final String fieldName;
  private final String headerName;

  /** A repository over flagon-login's per-request CSRF checks and Flask-WTF's settings. */
  public FlaskWtfCsrfTokenRepository(FlagonLogins logins, CsrfConfig config) {
    this.logins = Objects.requireNonNull(logins, "logins");
    this.fieldName = config.fieldName();
    this.headerName = config.headers().isEmpty() ? "X-CSRFToken" : config.headers().get(0);
  }

  /** A signed token, creating the session's raw token when there is none (as {@code generate_csrf}). */
  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return new DefaultCsrfToken(headerName, fieldName, logins.csrf(request).token());
  }

  /** Removes the raw token when Spring Security drops the token (log in, log out); else it is stored. */
  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (token == null) {
      FlagonFilter.session(request).remove(fieldName);
    }
  }

  /** A signed token for the session's raw token, or {@code null} when the session has none. */
  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return FlagonFilter.session(request).contains(fieldName) ? generateToken(request) : null;
  }
}
