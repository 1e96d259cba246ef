package dev.flagon.spring.security;

import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginUser;
import dev.flagon.login.spring.FlagonLogins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Spring Security's {@link SecurityContext} kept as Flask-Login keeps a login, in the Flagon session.
 *
 * <p>Loading: Flask-Login's {@code current_user} (session, then the remember cookie, with session
 * protection) becomes the {@link Authentication}, its principal the user the {@code UserLoader} gave and its
 * authorities that user's {@link UserDetails#getAuthorities()} (none for a user that is not a
 * {@code UserDetails}). A fresh login is a {@link UsernamePasswordAuthenticationToken}; a login that is not
 * fresh (restored from the remember cookie, or after basic session protection) is a
 * {@link RememberMeAuthenticationToken}, so {@code isFullyAuthenticated()} means Flask-Login's
 * {@code login_fresh()}. An anonymous request gets an empty context.
 *
 * <p>Saving: an empty or anonymous context is {@code logout_user()} (what Spring Security's logout saves);
 * an authenticated one whose principal is a {@link LoginUser} other than the current user is
 * {@code login_user(user)} (fresh, not remembered), so a Spring Security login is seen by Flask. Other
 * principals are not stored.
 */
public final class FlaskLoginSecurityContextRepository implements SecurityContextRepository {
  /** The key of the remember-me tokens this repository makes; they are never sent to a client. */
  static final String REMEMBER_ME_KEY = "flask-login-not-fresh";

  private final FlagonLogins logins;
  private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

  /** A repository over flagon-login's per-request logins ({@link FlagonLogins}). */
  public FlaskLoginSecurityContextRepository(FlagonLogins logins) {
    this.logins = Objects.requireNonNull(logins, "logins");
  }

  /**
   * The request's context, found on first use, from the login {@link dev.flagon.login.servlet.FlaskLoginFilter}
   * began for the request (whose remember cookie step runs on every response).
   */
  @Override
  public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
    CurrentLogin<LoginUser> login = logins.current(request);
    return new DeferredSecurityContext() {
      private SecurityContext context;

      @Override
      public SecurityContext get() {
        if (context == null) {
          context = load(login);
        }
        return context;
      }

      @Override
      public boolean isGenerated() {
        return get().getAuthentication() == null;
      }
    };
  }

  /** @deprecated Spring Security asks {@link #loadDeferredContext} instead. */
  @Deprecated
  @Override
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return load(logins.current(holder.getRequest()));
  }

  private SecurityContext load(CurrentLogin<LoginUser> login) {
    SecurityContext context = contexts.createEmptyContext();
    login.user().ifPresent(user -> context.setAuthentication(authentication(user, login.isFresh())));
    return context;
  }

  /** The Authentication of a Flask-Login user. */
  static Authentication authentication(LoginUser user, boolean fresh) {
    Collection<? extends GrantedAuthority> authorities =
        user instanceof UserDetails details ? details.getAuthorities() : List.of();
    return fresh ? UsernamePasswordAuthenticationToken.authenticated(user, null, authorities)
        : new RememberMeAuthenticationToken(REMEMBER_ME_KEY, user, authorities);
  }

  /** {@code logout_user()} for an empty or anonymous context, {@code login_user} for a new LoginUser. */
  @Override
  public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    Authentication authentication = context == null ? null : context.getAuthentication();
    CurrentLogin<LoginUser> login = logins.current(request);
    if (authentication == null || !authentication.isAuthenticated() || trust.isAnonymous(authentication)) {
      login.logoutUser();
      return;
    }
    if (authentication.getPrincipal() instanceof LoginUser user) {
      Optional<LoginUser> current = login.user();
      if (current.isEmpty() || !current.get().id().equals(user.id())) {
        login.loginUser(user);
      }
    }
  }

  /** Whether Flask-Login finds a user for the request. */
  @Override
  public boolean containsContext(HttpServletRequest request) {
    return logins.current(request).user().isPresent();
  }
}
