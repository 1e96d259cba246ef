package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WerkzeugCookie#firstValue}: the public face of the header reading {@link Flagon#open} uses. */
class CookieValueTest {
  private static String first(String header, String name) {
    return WerkzeugCookie.firstValue(List.of(header), name);
  }

  @Test
  void cookieValue_pastedPairOrHeader_givesTheNamedCookie() {
    assertThat(first("session=abc.def", "session")).isEqualTo("abc.def");
    assertThat(first("theme=dark; session=abc.def; other=1", "session")).isEqualTo("abc.def");
    assertThat(first(" session = abc.def ;", "session")).isEqualTo("abc.def");
  }

  @Test
  void cookieValue_sameNameTwice_firstWinsAsInFlask() {
    assertThat(first("session=first; session=second", "session")).isEqualTo("first");
  }

  @Test
  void cookieValue_quotedValue_isUnquotedAsWerkzeugDoes() {
    assertThat(first("session=\"a\\073b\"", "session")).isEqualTo("a;b");
  }

  @Test
  void cookieValue_noSuchCookie_isNull() {
    assertThat(first("sessionx=1; other=session", "session")).isNull();
    assertThat(first("abc.def", "session")).isNull();
  }

  @Test
  void cookieValue_nullArguments_areRefused() {
    assertThatNullPointerException().isThrownBy(() -> WerkzeugCookie.firstValue(null, "session"));
    assertThatNullPointerException().isThrownBy(() -> first("a=b", null));
  }
}
