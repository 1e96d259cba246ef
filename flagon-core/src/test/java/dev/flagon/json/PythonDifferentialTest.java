package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random values through our code and through live Python, answers compared as text. One python3 process
 * answers every request of the class (see {@link PythonOracle} for when a missing python3 fails).
 */
class PythonDifferentialTest {
  private static final long SEED = 20240115L;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  /** One input, our answer, and Python's once asked. */
  private static final class Check {
    final String mode;
    final Object input;
    final String ours;
    String python;

    Check(String mode, Object input, String ours) {
      this.mode = mode;
      this.input = input;
      this.ours = ours;
    }
  }

  private static final Map<String, List<Check>> CHECKS = new LinkedHashMap<>();

  @BeforeAll
  static void askPython() {
    RandomValues random = new RandomValues(new Random(SEED));
    List<Object> dumps = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      dumps.add(random.float64());
    }
    for (int i = 0; i < 400; i++) {
      dumps.add(random.string());
    }
    for (int i = 0; i < 300; i++) {
      dumps.add(random.stringKeyedMap());
    }
    for (int i = 0; i < 100; i++) {
      dumps.add(random.intKeyedMap());
      dumps.add(random.bigInteger());
    }
    add("dumps", dumps, value -> TaggedJson.standard().dumps(value));
    add("date", random.many(1500, random::dateText), PythonDifferentialTest::ourDate);
    add("b64", random.many(800, random::base64Text), PythonDifferentialTest::ourBase64);
    add("uuid", random.many(800, random::uuidText), PythonDifferentialTest::ourUuid);

    List<Check> all = CHECKS.values().stream().flatMap(List::stream).toList();
    List<String> answers = PythonOracle.ask(all.stream().map(c -> PythonOracle.request(c.mode, c.input)).toList());
    for (int i = 0; i < all.size(); i++) {
      // Python names the exception class; ours is always TaggedJsonException: compare "it failed".
      all.get(i).python = answers.get(i).startsWith("ERR") ? "ERR" : answers.get(i);
    }
  }

  @Test
  void dumps_randomFloatsStringsMapsAndInts_matchPythonJsonDumps() {
    assertAllMatch("dumps");
  }

  @Test
  void datetimeTag_randomDateTexts_parseLikeWerkzeug() {
    assertAllMatch("date");
    assertMixed("date", "None");
  }

  @Test
  void bytesTag_randomBase64Texts_decodeLikePython() {
    assertAllMatch("b64");
    assertMixed("b64", "ERR");
  }

  @Test
  void uuidTag_randomUuidTexts_parseLikePython() {
    assertAllMatch("uuid");
    assertMixed("uuid", "ERR");
  }

  /** Guards the generators: a batch where every input fails (or none does) would prove little. */
  private static void assertMixed(String mode, String failureAnswer) {
    List<Check> checks = CHECKS.get(mode);
    long failures = checks.stream().filter(check -> check.python.equals(failureAnswer)).count();
    assertThat(failures).as("%s inputs Python rejects", mode).isBetween(checks.size() / 10L, checks.size() * 9L / 10);
  }

  private static void assertAllMatch(String mode) {
    List<String> mismatches = new ArrayList<>();
    for (Check check : CHECKS.get(mode)) {
      if (!check.python.equals(check.ours)) {
        mismatches.add(PythonOracle.request(mode, check.input) + "\n  python: " + check.python
            + "\n  ours:   " + check.ours);
      }
    }
    assertThat(mismatches).as("seed %d", SEED).isEmpty();
  }

  private static <T> void add(String mode, List<T> inputs, Function<T, String> ours) {
    List<Check> checks = CHECKS.computeIfAbsent(mode, m -> new ArrayList<>());
    for (T input : inputs) {
      checks.add(new Check(mode, input, answer(() -> ours.apply(input))));
    }
  }

  private static String answer(java.util.function.Supplier<String> ours) {
    try {
      return ours.get();
    } catch (TaggedJsonException e) {
      return "ERR";
    }
  }

  private static String ourDate(String text) {
    OffsetDateTime parsed = HttpDateParser.parse(text);
    return parsed == null ? "None" : ISO.format(parsed);
  }

  private static String ourBase64(String text) {
    return HexFormat.of().formatHex((byte[]) BuiltinTag.BYTES.fromJson(text));
  }

  private static String ourUuid(String text) {
    return BuiltinTag.UUID.fromJson(text).toString().replace("-", "");
  }
}
