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
import java.util.List;

/**
 * Spring's configuration metadata (IDE completion for {@code flagon.*}) generated from settings rows: each
 * jar ships {@code META-INF/spring-configuration-metadata.json} for its own rows (the starter's, flagon-login's,
 * flagon-redis's), which Spring merges. Each module's SpringMetadataTest fails when its file drifts, and
 * rewrites it with {@code -Dflagon.regenerate=true}.
 */
public final class SpringMetadata {
  private static final Path METADATA = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

  private SpringMetadata() {}

  /** The module's metadata file is these rows' (after {@code flagon.enabled} for the starter's). */
  public static void assertGenerated(List<Setting<?>> rows, boolean enabledRow) throws IOException {
    String metadata = metadata(rows, enabledRow);
    if (Boolean.getBoolean("flagon.regenerate")) {
      Files.writeString(METADATA, metadata, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(METADATA, StandardCharsets.UTF_8)).as("%s; regenerate as SpringMetadata says",
        METADATA).isEqualTo(metadata);
  }

  /** The README names every row's Spring property, in the settings table or elsewhere. */
  public static void assertReadmeNames(List<Setting<?>> rows) {
    String configure = ReadmeSnippets.section("settings");
    for (Setting<?> setting : rows) {
      if (!configure.contains("`" + setting.springName() + "`")) {
        assertThat(ReadmeSnippets.readme()).contains("`" + setting.springName() + "`");
      }
    }
  }

  static String metadata(List<Setting<?>> rows, boolean enabledRow) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      // The layout of Spring's annotation processor: "name": "value", one member a line.
      json.setPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeArrayFieldStart("properties");
      if (enabledRow) {
        json.writeStartObject();
        json.writeStringField("name", SpringSettings.ENABLED);
        json.writeStringField("type", "java.lang.Boolean");
        json.writeStringField("description", "Whether Flagon keeps the session in a signed cookie; false adds nothing.");
        json.writeBooleanField("defaultValue", true);
        json.writeEndObject();
      }
      for (Setting<?> setting : rows) {
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
}
