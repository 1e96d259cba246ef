package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlaskResponsesTest {

  @Test
  void iriToUri_asciiUriCharacters_areKept() {
    assertThat(FlaskResponses.iriToUri("/app/?a=b&c=%20#x")).isEqualTo("/app/?a=b&c=%20#x");
  }

  @Test
  void iriToUri_spaceAndNonAscii_arePercentEncodedUtf8() {
    assertThat(FlaskResponses.iriToUri("/a b/ü/")).isEqualTo("/a%20b/%C3%BC/");
  }

  @Test
  void escape_htmlSpecials_areEscapedAsPython() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
  }
}
