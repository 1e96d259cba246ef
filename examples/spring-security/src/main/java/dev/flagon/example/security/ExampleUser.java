package dev.flagon.example.security;

import dev.flagon.login.LoginUser;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user: Flask-Login's id, and Spring Security's UserDetails whose roles become the authorities.
 *
 * @param id the id Flask-Login keeps in the session
 * @param role the role, as {@code ROLE_} + role
 */
public record ExampleUser(String id, String role) implements LoginUser, UserDetails {
  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return AuthorityUtils.createAuthorityList(List.of("ROLE_" + role));
  }

  /** None: users log in on the Flask side. */
  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public String getUsername() {
    return id;
  }
}
