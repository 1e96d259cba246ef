package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.flagon.Session;
import dev.flagon.testing.LivePython;
import dev.flagon.testing.PlainJson;
import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real Flask-Login and Flask-WTF, through {@code src/test/python/login_oracle.py}: one JSON request per
 * line in, one answer per line out. Fails under CI when the packages are missing, skips otherwise.
 */
final class Oracle {
  private static final JsonFactory JSON = new JsonFactory();

  private Oracle() {}

  static List<Map<String, Object>> ask(List<Map<String, Object>> requests) {
    String python = LivePython.require("flask_login", "flask_wtf");
    List<String> lines = new ArrayList<>();
    requests.forEach(request -> lines.add(json(request)));
    Subprocess.Result oracle;
    try {
      oracle = Subprocess.run("the Flask-Login oracle", new ProcessBuilder(python, "src/test/python/login_oracle.py"),
          String.join("\n", lines) + "\n", Duration.ofSeconds(120)).orFail();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, Object>> answers = new ArrayList<>();
    oracle.out().lines().forEach(line -> answers.add(PlainJson.map(PlainJson.parse(line))));
    assertThat(answers).as("answers (stderr: %s)", oracle.err()).hasSize(requests.size());
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i)).as("oracle answer to %s", lines.get(i)).containsEntry("ok", true);
    }
    return answers;
  }

  /** An answer in the oracle's form, read back as plain JSON so that it compares with the oracle's. */
  static Map<String, Object> answer(List<Object> results, Session session) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ok", true);
    answer.put("results", results);
    answer.put("session", TestSessions.json(session));
    answer.put("modified", session.isModified());
    return PlainJson.map(PlainJson.parse(json(answer)));
  }

  /** Plain JSON for maps, lists, text, numbers, booleans and null. */
  static String json(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String text) {
      out.writeString(text);
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double d) {
      out.writeNumber(d);
    } else if (value instanceof Map<?, ?> map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.writeFieldName((String) entry.getKey());
        write(out, entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        write(out, item);
      }
      out.writeEndArray();
    } else {
      throw new IllegalArgumentException("not plain JSON: " + value.getClass());
    }
  }
}
