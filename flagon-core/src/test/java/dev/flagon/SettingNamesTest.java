package dev.flagon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SettingNamesTest {
  /** A value no setting accepts: every name the parser reads rejects it, naming the setting. */
  private static final Object UNREADABLE = new Object() {
    @Override
    public String toString() {
      return "\u0000not a setting value";
    }
  };

  static Iterable<String> settingNames() {
    return FlagonSettings.all().stream().map(Setting::name).toList();
  }

  @ParameterizedTest
  @MethodSource("settingNames")
  void settingNames_eachName_isReadByTheParser(String name) {
    assertThatThrownBy(() -> FlagonConfig.builder().putAll(Map.of(name, UNREADABLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(name);
  }

  @Test
  void settingNames_unknownName_isIgnoredAsInFlask() {
    FlagonConfig.builder().putAll(Map.of("SQLALCHEMY_DATABASE_URI", UNREADABLE));
  }
}
