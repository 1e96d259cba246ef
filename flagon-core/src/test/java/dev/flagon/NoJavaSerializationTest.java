package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Java deserialization anywhere in the library: neither the sources nor the compiled classes mention
 * ObjectInputStream or ObjectInput, which any readObject hook or deserializing call needs (exceptions are
 * Serializable by inheritance; nothing reads them back).
 */
class NoJavaSerializationTest {
  /**
   * A readObject(ObjectInputStream) hook or any deserializing call needs one of these names (a JSON
   * {@code readObject(JsonParser)}, as TaggedReader has, is fine).
   */
  private static final List<String> FORBIDDEN =
      List.of("ObjectInputStream", "ObjectInput", "readUnshared", "XMLDecoder", "java/io/ObjectInput");

  private static List<Path> files(String root, String suffix) {
    try (Stream<Path> walk = Files.walk(Path.of(root))) {
      return walk.filter(p -> p.toString().endsWith(suffix)).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void mainSources_neverMentionJavaDeserialization() throws IOException {
    List<Path> sources = files("src/main/java", ".java");
    assertThat(sources).hasSizeGreaterThan(40);
    for (Path source : sources) {
      String text = Files.readString(source);
      for (String word : FORBIDDEN) {
        assertThat(text).as("%s mentions %s", source, word).doesNotContain(word);
      }
    }
  }

  @Test
  void mainClasses_neverReferToJavaDeserialization() throws IOException {
    List<Path> classes = files("target/classes", ".class");
    assertThat(classes).hasSizeGreaterThan(40);
    for (Path file : classes) {
      // Class and method names sit in the constant pool as (modified) UTF-8, readable as Latin-1 text.
      String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String word : FORBIDDEN) {
        assertThat(pool).as("%s refers to %s", file, word).doesNotContain(word);
      }
    }
  }
}
