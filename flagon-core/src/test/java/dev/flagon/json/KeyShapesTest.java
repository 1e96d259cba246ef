package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Dicts written by a known shape must be the bytes the general path writes. One serializer is shared by
 * every try, so its table fills up, collides and is overwritten, as on a server; the reference writes each
 * string key as a {@link Markup} (a str to Python), which no shape ever matches.
 */
class KeyShapesTest {
  private static final TaggedJson SHARED = TaggedJson.builder().build();

  /** Few enough that dicts repeat their keys; escapes, non-ASCII, surrogates, tag keys, a too-long key. */
  private static final List<String> KEYS = List.of("a", "b", "c", "gift", "price", "qty", "sku", "title", "",
      " t", " di", "_id", "Zo\u00eb", "\u00c5", "\u20ac", "\"q\"", "back\\slash", "tab\there", "\u0000",
      "\u007f", "\ud83d\ude42", "\ud83d\ude00", "\ud800", "\udfff", "\ufb01", "\ue000", "\uffff",
      "k".repeat(DictKeys.MAX_KEY_LENGTH), "k".repeat(DictKeys.MAX_KEY_LENGTH + 1), "price ", "pric");

  @Property(tries = 1500)
  void dumps_dictsOfRepeatedKeys_sameAsWithoutShapes(@ForAll("values") Object value) {
    String expected = reference(value);
    for (int i = 0; i < 2; i++) { // the second time, every shape of the first has been seen
      assertThat(outcome(() -> SHARED.dumps(value))).as("round %d", i).isEqualTo(expected);
    }
  }

  @Test
  void learn_neverKeepsAKeyOver32CharactersOrADictOver16Keys() {
    DictKeys shapes = new DictKeys();
    String longKey = "k".repeat(DictKeys.MAX_KEY_LENGTH + 1);
    Map<String, Object> large = new LinkedHashMap<>();
    for (int i = 0; i <= DictKeys.MAX_KEYS; i++) {
      large.put(String.format("k%02d", i), i);
    }

    assertThat(shapes.learn(Map.of(longKey, 1))).isNull();
    assertThat(shapes.candidate(longKey, 1)).isNull();
    assertThat(shapes.learn(large)).isNull();
    assertThat(shapes.candidate("k00", large.size())).isNull();
    assertThat(shapes.learn(Map.of("k".repeat(DictKeys.MAX_KEY_LENGTH), 1))).isNotNull();
  }

  @Test
  void dumps_manyThreadsOnOneSerializer_eachGetsItsOwnDictsBytes() throws Exception {
    TaggedJson json = TaggedJson.builder().build();
    List<Object> values = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 400; i++) { // more shapes than slots, so threads keep replacing each other's
      Map<String, Object> dict = new java.util.TreeMap<>(DictKeys::compareCodePoints);
      int size = 1 + random.nextInt(6);
      while (dict.size() < size) {
        dict.put(KEYS.get(random.nextInt(KEYS.size())), random.nextInt(100));
      }
      values.add(List.of(new LinkedHashMap<>(dict), new LinkedHashMap<>(dict)));
    }
    List<String> expected = values.stream().map(KeyShapesTest::reference).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Integer>> mismatches = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 97;
        mismatches.add(pool.submit(() -> {
          int wrong = 0;
          for (int round = 0; round < 50; round++) {
            for (int i = 0; i < values.size(); i++) {
              int at = (i + offset) % values.size();
              wrong += json.dumps(values.get(at)).equals(expected.get(at)) ? 0 : 1;
            }
          }
          return wrong;
        }));
      }
      for (java.util.concurrent.Future<Integer> wrong : mismatches) {
        assertThat(wrong.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The general path's bytes: Markup keys are written as strings but never learned or matched by shape. */
  private static String reference(Object value) {
    return outcome(() -> TaggedJson.standard().dumps(withMarkupKeys(value)))
        .replace(Markup.class.getName(), String.class.getName()); // in "dict keys of types ..." messages
  }

  private static Object withMarkupKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key instanceof String text ? Markup.of(text) : key, withMarkupKeys(item)));
      return copy;
    } else if (value instanceof Tuple tuple) {
      return Tuple.copyOf(tuple.stream().map(KeyShapesTest::withMarkupKeys).toList());
    } else if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(KeyShapesTest::withMarkupKeys).toList());
    }
    return value;
  }

  private static String outcome(java.util.function.Supplier<String> dump) {
    try {
      return dump.get();
    } catch (TaggedJsonException e) {
      return "ERR " + e.getMessage();
    }
  }

  @Provide
  Arbitrary<Object> values() {
    return Arbitraries.recursive(this::scalars, this::containers, 0, 2);
  }

  private Arbitrary<Object> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of(KEYS).map(s -> (Object) s),
        Arbitraries.integers().between(-5, 500).map(n -> (Object) n),
        Arbitraries.of(19.99, 0.5, 1e300, -0.0).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b));
  }

  private Arbitrary<Object> containers(Arbitrary<Object> inner) {
    // Fresh key instances now and then: a known shape must match equal keys, not only the same ones.
    Arbitrary<Object> keys = Arbitraries.oneOf(
        Arbitraries.of(KEYS).map(k -> (Object) k),
        Arbitraries.of(KEYS).map(k -> (Object) new String(k.toCharArray())),
        Arbitraries.integers().between(0, 3).map(n -> (Object) n));
    Arbitrary<Object> dicts = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.maps(keys.filter(k -> k instanceof String), inner)
            .ofMinSize(1).ofMaxSize(DictKeys.MAX_KEYS + 2).map(KeyShapesTest::sortedOrShuffled)),
        net.jqwik.api.Tuple.of(1,
            Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))));
    return Arbitraries.oneOf(
        dicts,
        dicts.list().ofMaxSize(6).map(list -> (Object) new ArrayList<>(list)),
        inner.list().ofMaxSize(4).map(list -> (Object) Tuple.copyOf(list)));
  }

  /** Mostly in Python's order (the dicts that get a shape), sometimes in the generator's own. */
  private static Object sortedOrShuffled(Map<Object, Object> map) {
    Map<Object, Object> copy = new LinkedHashMap<>();
    if (map.hashCode() % 4 == 0) {
      copy.putAll(map);
      return copy;
    }
    List<Object> keys = new ArrayList<>(map.keySet());
    keys.sort((x, y) -> DictKeys.compareCodePoints((String) x, (String) y));
    for (Object key : keys) {
      copy.put(key, map.get(key));
    }
    return copy;
  }
}
