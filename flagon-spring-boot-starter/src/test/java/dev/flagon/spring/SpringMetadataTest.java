package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.flagon.Setting;
import dev.flagon.testing.ReadmeSnippets;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Spring's configuration metadata (IDE completion for {@code flagon.*}) is generated from the settings
 * tables: this test fails when they drift. Regenerate it with
 * {@code mvn -B -o -pl flagon-spring-boot-starter test -Dtest=SpringMetadataTest -Dflagon.regenerate=true}.
 */
class SpringMetadataTest {
  private static final Path METADATA =
      Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

  static String metadata() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      // The layout of Spring's annotation processor: "name": "value", one member a line.
      json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeArrayFieldStart("properties");
      json.writeStartObject();
      json.writeStringField("name", SpringSettings.ENABLED);
      json.writeStringField("type", "java.lang.Boolean");
      json.writeStringField("description", "Whether Flagon keeps the session in a signed cookie; false adds nothing.");
      json.writeBooleanField("defaultValue", true);
      json.writeEndObject();
      for (Setting<?> setting : SpringSettings.ROWS) {
        json.writeStartObject();
        json.writeStringField("name", setting.springName());
        json.writeStringField("type", setting.typeName());
        json.writeStringField("description", setting.name() + " (environment: " + setting.environmentName()
            + "). " + setting.doc());
        Object defaultValue = setting.defaultValue();
        if (defaultValue instanceof Boolean || defaultValue instanceof Integer) {
          json.writeFieldName("defaultValue");
          json.writeObject(defaultValue);
        } else if (!setting.defaultText().equals("none")) {
          json.writeStringField("defaultValue", setting.defaultText());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out + "\n";
  }

  @Test
  void metadata_isGeneratedFromTheSettingsTables() throws IOException {
    if (Boolean.getBoolean("flagon.regenerate")) {
      Files.writeString(METADATA, metadata(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(METADATA, StandardCharsets.UTF_8)).as("%s; regenerate as this test's javadoc"
        + " says", METADATA).isEqualTo(metadata());
  }

  @Test
  void readme_namesTheStartersOwnProperties() {
    String configure = ReadmeSnippets.section("settings");
    for (Setting<?> setting : SpringSettings.ROWS) {
      if (!configure.contains("`" + setting.springName() + "`")) {
        assertThat(ReadmeSnippets.readme()).contains("`" + setting.springName() + "`");
      }
    }
    assertThat(ReadmeSnippets.readme()).contains("`" + SpringSettings.ENABLED + "`");
  }
}
