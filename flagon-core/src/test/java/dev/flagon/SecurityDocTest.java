package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/security.md backs its claims with tests it names: every named test class and method exists. */
class SecurityDocTest {
  private static final Pattern CODE = Pattern.compile("`([A-Za-z0-9_.]+)`");
  private static final Pattern TEST_METHOD = Pattern.compile("[a-z][A-Za-z0-9]*_[A-Za-z0-9_]+");

  @Test
  void securityDoc_everyNamedTestExists() throws IOException {
    String doc = Files.readString(Path.of("../docs/security.md"));
    Map<String, String> tests = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of(".."), 8)) {
      String sources = ".*/flagon-(core|encrypted|fuzz)/src/test/java/.*(Test|Contract)\\.java";
      files.filter(p -> p.toString().matches(sources)).forEach(p -> {
        try {
          tests.put(p.getFileName().toString().replace(".java", ""), Files.readString(p));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
    }
    String all = String.join("\n", tests.values());
    int checked = 0;
    Matcher m = CODE.matcher(doc);
    while (m.find()) {
      String name = m.group(1);
      String[] parts = name.split("\\.", 2);
      if (parts.length == 2 && tests.containsKey(parts[0])) {
        assertThat(tests.get(parts[0])).as(name).contains("void " + parts[1] + "(");
        checked++;
      } else if (parts.length == 1 && name.endsWith("Test")) {
        assertThat(tests).as(name).containsKey(name);
        checked++;
      } else if (parts.length == 1 && TEST_METHOD.matcher(name).matches()) {
        assertThat(all).as(name).contains("void " + name + "(");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }
}
