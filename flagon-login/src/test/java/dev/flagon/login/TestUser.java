package dev.flagon.login;

import java.util.Optional;
import java.util.Set;

/** A user for tests: the loader knows every id except {@code unknown} ones. */
record TestUser(String id, boolean isActive) implements LoginUser {
  static UserLoader<TestUser> loader(Set<String> inactive, Set<String> unknown) {
    return id -> unknown.contains(id) ? Optional.empty() : Optional.of(new TestUser(id, !inactive.contains(id)));
  }

  static UserLoader<TestUser> anyId() {
    return loader(Set.of(), Set.of());
  }
}
