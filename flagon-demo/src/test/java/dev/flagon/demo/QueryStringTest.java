package dev.flagon.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryStringTest {

  @Test
  void get_percentEscapesAndPlus_decodeAsUtf8AndSpace() {
    QueryString query = QueryString.parse("m=Welcome%21+to+Z%C3%BCrich&c=info");

    assertThat(query.get("m", "Hello")).isEqualTo("Welcome! to Zürich");
    assertThat(query.get("c", "message")).isEqualTo("info");
  }

  @Test
  void get_absentOrNoQuery_givesDefault() {
    assertThat(QueryString.parse(null).get("m", "Hello")).isEqualTo("Hello");
    assertThat(QueryString.parse("c=info").get("m", "Hello")).isEqualTo("Hello");
  }

  @Test
  void get_repeatedName_firstValueWins() {
    assertThat(QueryString.parse("m=one&m=two").get("m", null)).isEqualTo("one");
  }

  @Test
  void get_nameWithoutEquals_isEmptyValue() {
    assertThat(QueryString.parse("m&c=x").get("m", "Hello")).isEmpty();
  }

  @Test
  void get_malformedEscapes_areKeptAsText() {
    assertThat(QueryString.parse("m=100%25%zz%4").get("m", null)).isEqualTo("100%%zz%4");
  }

  @Test
  void get_invalidUtf8_isReplaced() {
    assertThat(QueryString.parse("m=%FFok").get("m", null)).isEqualTo("\uFFFDok");
  }

  @Test
  void require_missing_throwsNamingParameter() {
    assertThatThrownBy(() -> QueryString.parse("key=a").require("value"))
        .isInstanceOf(QueryString.MissingParameterException.class)
        .hasMessageContaining("value");
  }
}
