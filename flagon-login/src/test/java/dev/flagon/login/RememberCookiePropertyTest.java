package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Session;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A remember cookie logs in exactly the user it was made for: any single-character change (a substitution
 * by any character, lone surrogates included, or a deletion) makes the request anonymous, for ids with
 * {@code |}, non-ASCII and very long ids, and reading it never throws.
 */
class RememberCookiePropertyTest {
  private static final LoginManager<TestUser> MANAGER = LoginManager.create(
      LoginConfig.fromMap(Map.of("SECRET_KEY", "property key", "SESSION_PROTECTION", "strong")), TestUser.anyId());

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.strings().withChars("|ab9 é\u00ff\u4e2d;\"\\").withCharRange('\u0000', '\u007f')
        .withCharRange('\ud83d', '\ud83d').ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> longIds() {
    return Arbitraries.strings().withChars("|xé\u4e2d").ofMinLength(5_000).ofMaxLength(20_000);
  }

  @Provide
  Arbitrary<Character> replacements() {
    return Arbitraries.chars().all();
  }

  @Property(tries = 150)
  void everySingleCharacterChange_isAnonymous(@ForAll("ids") String id, @ForAll("replacements") char replacement) {
    String cookie = MANAGER.config().rememberToken().encode(id);
    if (cookie == null) { // the id is not valid Unicode: no cookie can be made for it
      assertThat(id.chars().anyMatch(c -> Character.isSurrogate((char) c))).isTrue();
      return;
    }
    assertThat(userFor(cookie)).isEqualTo(id);
    for (int i = 0; i < cookie.length(); i++) {
      StringBuilder changed = new StringBuilder(cookie);
      if (replacement != cookie.charAt(i)) {
        changed.setCharAt(i, replacement);
        assertThat(userFor(changed.toString())).as("%s with [%d] = U+%04X", cookie, i, (int) replacement).isNull();
      }
      assertThat(userFor(new StringBuilder(cookie).deleteCharAt(i).toString())).as("%s without [%d]", cookie, i)
          .isNull();
    }
  }

  @Property(tries = 10)
  void veryLongIds_changedAnywhere_areAnonymous(@ForAll("longIds") String id, @ForAll("replacements") char c) {
    String cookie = MANAGER.config().rememberToken().encode(id);
    assertThat(userFor(cookie)).isEqualTo(id);
    for (int i = 0; i < cookie.length(); i += 1 + cookie.length() / 150) {
      StringBuilder changed = new StringBuilder(cookie);
      changed.setCharAt(i, c == cookie.charAt(i) ? (char) (c + 1) : c);
      assertThat(userFor(changed.toString())).isNull();
    }
  }

  @Property(tries = 300)
  void anyCookieText_neverThrows(@ForAll String cookie) {
    userFor(cookie);
  }

  /** The user a request with only this remember cookie is logged in as, or null. */
  private static String userFor(String cookie) {
    Session session = TestSessions.empty();
    CurrentLogin<TestUser> login = MANAGER.begin(session, TestRequest.get().withCookie("remember_token", cookie));
    String user = login.user().map(TestUser::id).orElse(null);
    login.finish();
    return user;
  }
}
