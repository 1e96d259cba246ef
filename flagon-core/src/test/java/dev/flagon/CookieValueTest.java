package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

/** {@link Flagon#cookieValue}: the public face of the header reading {@link Flagon#open} uses. */
class CookieValueTest {

  @Test
  void cookieValue_pastedPairOrHeader_givesTheNamedCookie() {
    assertThat(Flagon.cookieValue("session=abc.def", "session")).isEqualTo("abc.def");
    assertThat(Flagon.cookieValue("theme=dark; session=abc.def; other=1", "session")).isEqualTo("abc.def");
    assertThat(Flagon.cookieValue(" session = abc.def ;", "session")).isEqualTo("abc.def");
  }

  @Test
  void cookieValue_sameNameTwice_firstWinsAsInFlask() {
    assertThat(Flagon.cookieValue("session=first; session=second", "session")).isEqualTo("first");
  }

  @Test
  void cookieValue_quotedValue_isUnquotedAsWerkzeugDoes() {
    assertThat(Flagon.cookieValue("session=\"a\\073b\"", "session")).isEqualTo("a;b");
  }

  @Test
  void cookieValue_noSuchCookie_isNull() {
    assertThat(Flagon.cookieValue("sessionx=1; other=session", "session")).isNull();
    assertThat(Flagon.cookieValue("abc.def", "session")).isNull();
  }

  @Test
  void cookieValue_nullArguments_areRefused() {
    assertThatNullPointerException().isThrownBy(() -> Flagon.cookieValue(null, "session"));
    assertThatNullPointerException().isThrownBy(() -> Flagon.cookieValue("a=b", null));
  }
}
