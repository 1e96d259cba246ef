package dev.flagon.spring.security;

import dev.flagon.login.LoginUser;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;

/** A user of the tests: a Flask-Login user and Spring Security's UserDetails. */
record TestUser(String id, List<String> roles) implements LoginUser, UserDetails {
  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return AuthorityUtils.createAuthorityList(roles.stream().map(role -> "ROLE_" + role).toList());
  }

  @Override
  public String getPassword() {
    return null;
  }

  @Override
  public String getUsername() {
    return id;
  }
}
