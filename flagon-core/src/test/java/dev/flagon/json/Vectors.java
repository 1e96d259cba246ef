package dev.flagon.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test-only access to the Flask vector files in {@code src/test/resources/vectors/}. */
public final class Vectors {
  private Vectors() {}

  /** The {@code cases} of a vector file, for example {@code "vectors.json"}, as plain JSON maps. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> cases(String fileName) {
    Map<String, Object> file = (Map<String, Object>) PlainJson.parse(read(fileName));
    return (List<Map<String, Object>>) file.get("cases");
  }

  private static String read(String fileName) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + fileName)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of("src/test/resources/vectors", fileName), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
