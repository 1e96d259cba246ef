package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.json.TaggedJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Map method and view of Session against Flask's rules (spec 6.3): each row starts from
 * {@code {"a": 1, "n": None}} (or an empty session), runs one call, and states what it returns, the data
 * after it, and whether the session is modified. Every call marks the session accessed.
 */
class SessionMapTest {
  private static final Object NONE = null;

  /** One call and what it must do. */
  record Row(String name, boolean empty, Function<Session, Object> call, Object returns,
      Map<String, Object> after, boolean modified) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static final Map<String, Object> START = map("a", 1, "n", NONE);
  private static final Map<String, Object> NO_A = map("n", NONE);
  private static final Map<String, Object> NO_N = map("a", 1);

  private static Row read(String name, Function<Session, Object> call, Object returns) {
    return new Row(name, false, call, returns, START, false);
  }

  private static Row write(String name, Function<Session, Object> call, Object returns,
      Map<String, Object> after) {
    return new Row(name, false, call, returns, after, true);
  }

  private static Row noChange(String name, Function<Session, Object> call, Object returns) {
    return new Row(name, false, call, returns, START, false);
  }

  private static Row onEmpty(String name, Function<Session, Object> call, boolean modified) {
    return new Row(name, true, call, null, map(), modified);
  }

  static Stream<Row> rows() {
    return Stream.of(
        // reads: accessed, never modified
        read("get present", s -> s.get("a"), 1),
        read("get absent", s -> s.get("x"), null),
        read("get typed", s -> s.get("a", Long.class), 1L),
        read("getOrDefault present None", s -> s.getOrDefault("n", "d"), null),
        read("getOrDefault absent", s -> s.getOrDefault("x", "d"), "d"),
        read("containsKey", s -> s.containsKey("n"), true),
        read("contains", s -> s.contains("x"), false),
        read("containsValue", s -> s.containsValue(1), true),
        read("size", Session::size, 2),
        read("isEmpty", Session::isEmpty, false),
        read("keySet iterated", s -> new ArrayList<>(s.keySet()), List.of("a", "n")),
        read("values iterated", s -> new ArrayList<>(s.values()), java.util.Arrays.asList(1, null)),
        read("entrySet iterated", s -> new ArrayList<>(s.entrySet()), List.copyOf(START.entrySet())),
        read("keySet contains", s -> s.keySet().contains("a"), true),
        read("values contains None", s -> s.values().contains(null), true),
        read("values is no set: values repeat", s -> s.values() instanceof Set, false),
        read("entrySet contains", s -> s.entrySet().contains(Map.entry("a", 1)), true),
        read("forEach", s -> {
          List<String> seen = new ArrayList<>();
          s.forEach((k, v) -> seen.add(k));
          return seen;
        }, List.of("a", "n")),
        read("equals a map", s -> s.equals(new HashMap<>(START)), true),
        read("hashCode", Session::hashCode, START.hashCode()),
        read("keys snapshot", s -> s.keys(), Set.of("a", "n")),
        read("toMap snapshot", Session::toMap, START),
        read("isPermanent", Session::isPermanent, false),
        read("flashes when none", s -> s.flashes(), List.of()),
        // stores: always modified, even with an identical value
        write("put identical", s -> s.put("a", 1), 1, START),
        write("put new", s -> s.put("b", 2), null, map("a", 1, "n", NONE, "b", 2)),
        write("putAll (update)", s -> {
          s.putAll(Map.of("a", 2));
          return null;
        }, null, map("a", 2, "n", NONE)),
        write("putAll empty (update({}))", s -> {
          s.putAll(Map.of());
          return null;
        }, null, START),
        write("putIfAbsent absent (setdefault)", s -> s.putIfAbsent("b", 2), null, map("a", 1, "n", NONE, "b", 2)),
        noChange("putIfAbsent present", s -> s.putIfAbsent("a", 9), 1),
        noChange("putIfAbsent present None", s -> s.putIfAbsent("n", 9), null),
        write("setPermanent(false)", s -> {
          s.setPermanent(false);
          return null;
        }, null, map("a", 1, "n", NONE, "_permanent", false)),
        write("replace present identical", s -> s.replace("a", 1), 1, START),
        noChange("replace absent", s -> s.replace("x", 1), null),
        write("replace(k, old, new) matching", s -> s.replace("a", 1, 2), true, map("a", 2, "n", NONE)),
        noChange("replace(k, old, new) not matching", s -> s.replace("a", 9, 2), false),
        write("replaceAll", s -> {
          s.replaceAll((k, v) -> k);
          return null;
        }, null, map("a", "a", "n", "n")),
        write("entry setValue identical", s -> s.entrySet().iterator().next().setValue(1), 1, START),
        // removals: modified only when something was there
        write("remove present (del)", s -> s.remove("a"), 1, NO_A),
        write("remove present None", s -> s.remove("n"), null, NO_N),
        noChange("remove absent", s -> s.remove("x"), null),
        write("pop present", s -> s.pop("a", "d"), 1, NO_A),
        noChange("pop absent", s -> s.pop("x", "d"), "d"),
        write("remove(k, v) matching", s -> s.remove("a", 1), true, NO_A),
        noChange("remove(k, v) not matching", s -> s.remove("a", 2), false),
        noChange("remove(k, v) absent", s -> s.remove("x", null), false),
        write("clear", s -> {
          s.clear();
          return null;
        }, null, map()),
        write("keySet remove present", s -> s.keySet().remove("a"), true, NO_A),
        noChange("keySet remove absent", s -> s.keySet().remove("x"), false),
        write("keySet removeIf some", s -> s.keySet().removeIf("a"::equals), true, NO_A),
        noChange("keySet removeIf none", s -> s.keySet().removeIf("x"::equals), false),
        write("keySet retainAll", s -> s.keySet().retainAll(Set.of("a")), true, NO_N),
        noChange("keySet removeAll none", s -> s.keySet().removeAll(Set.of("x")), false),
        write("keySet iterator remove", s -> {
          Iterator<String> it = s.keySet().iterator();
          it.next();
          it.remove();
          return null;
        }, null, NO_A),
        write("values remove present", s -> s.values().remove(1), true, NO_A),
        noChange("values remove absent", s -> s.values().remove(7), false),
        write("values removeIf None", s -> s.values().removeIf(v -> v == null), true, NO_N),
        noChange("values removeIf none", s -> s.values().removeIf(v -> false), false),
        write("entrySet remove matching", s -> s.entrySet().remove(Map.entry("a", 1)), true, NO_A),
        noChange("entrySet remove not matching", s -> s.entrySet().remove(Map.entry("a", 2)), false),
        write("entrySet iterator remove", s -> {
          Iterator<Map.Entry<String, Object>> it = s.entrySet().iterator();
          it.next();
          it.remove();
          return null;
        }, null, NO_A),
        noChange("entrySet removeIf none", s -> s.entrySet().removeIf(e -> false), false),
        // Java's compute family: the Map contract, modified exactly when they store or remove
        write("compute to a value", s -> s.compute("a", (k, v) -> 1), 1, START),
        write("compute to null, present", s -> s.compute("a", (k, v) -> null), null, NO_A),
        write("compute to null, present None", s -> s.compute("n", (k, v) -> null), null, NO_N),
        noChange("compute to null, absent", s -> s.compute("x", (k, v) -> null), null),
        noChange("computeIfAbsent present", s -> s.computeIfAbsent("a", k -> 9), 1),
        write("computeIfAbsent absent", s -> s.computeIfAbsent("b", k -> 9), 9, map("a", 1, "n", NONE, "b", 9)),
        write("computeIfAbsent present None (Map contract)", s -> s.computeIfAbsent("n", k -> 9), 9,
            map("a", 1, "n", 9)),
        noChange("computeIfAbsent to null", s -> s.computeIfAbsent("n", k -> null), null),
        write("computeIfPresent to a value", s -> s.computeIfPresent("a", (k, v) -> 2), 2, map("a", 2, "n", NONE)),
        write("computeIfPresent to null", s -> s.computeIfPresent("a", (k, v) -> null), null, NO_A),
        noChange("computeIfPresent absent", s -> s.computeIfPresent("x", (k, v) -> 2), null),
        noChange("computeIfPresent present None", s -> s.computeIfPresent("n", (k, v) -> 2), null),
        write("merge present", s -> s.merge("a", 5, (old, v) -> (Integer) old + (Integer) v), 6,
            map("a", 6, "n", NONE)),
        write("merge absent", s -> s.merge("b", 5, (old, v) -> 0), 5, map("a", 1, "n", NONE, "b", 5)),
        write("merge to null", s -> s.merge("a", 5, (old, v) -> null), null, NO_A),
        write("merge present None", s -> s.merge("n", 5, (old, v) -> 0), 5, map("a", 1, "n", 5)),
        // on an empty session: Python's clear() and update({}) count, Java-only bulk methods do not
        onEmpty("clear on empty", s -> {
          s.clear();
          return null;
        }, true),
        onEmpty("putAll empty on empty", s -> {
          s.putAll(Map.of());
          return null;
        }, true),
        onEmpty("replaceAll on empty", s -> {
          s.replaceAll((k, v) -> v);
          return null;
        }, false),
        onEmpty("keySet clear on empty", s -> {
          s.keySet().clear();
          return null;
        }, false),
        onEmpty("values clear on empty", s -> {
          s.values().clear();
          return null;
        }, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void mapMethod_followsFlasksRules(Row row) {
    Session session = Session.of(row.empty() ? map() : START, TaggedJson.standard(), null);

    Object returned = row.call().apply(session);

    assertThat(returned).isEqualTo(row.returns());
    assertThat(new ArrayList<>(session.data().entrySet())).as("data, in order")
        .isEqualTo(new ArrayList<>(row.after().entrySet()));
    assertThat(session.isModified()).as("modified").isEqualTo(row.modified());
    assertThat(session.isAccessed()).as("accessed").isTrue();
  }

  @Test
  void session_isAMapForCodeThatTakesOne() {
    Session session = Session.of(map("user_id", 7, "name", "ada"), TaggedJson.standard(), null);
    Map<String, Object> asMap = session;

    assertThat(new HashMap<>(asMap)).isEqualTo(Map.of("user_id", 7, "name", "ada"));
    assertThat(Map.copyOf(asMap)).isEqualTo(session);
    assertThat(session).isEqualTo(Session.of(map("name", "ada", "user_id", 7), TaggedJson.standard(), null));
    assertThat(session.hashCode()).isEqualTo(Map.of("user_id", 7, "name", "ada").hashCode());
    assertThat(asMap.entrySet().stream().map(Map.Entry::getKey)).containsExactly("user_id", "name");
  }

  @Test
  void views_cannotAdd() {
    Session session = Session.of(START, TaggedJson.standard(), null);
    assertThatThrownBy(() -> session.keySet().add("b")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> session.values().add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(session.isModified()).isFalse();
  }

  @Test
  void views_areLive() {
    Session session = Session.of(START, TaggedJson.standard(), null);
    Set<String> keys = session.keySet();
    session.put("b", 2);
    assertThat(keys).containsExactly("a", "n", "b");
  }

  @Test
  void toString_ofSessionViewsAndEntries_neverShowsKeysOrValues() {
    Session session = Session.of(map("secret_token", "hunter2"), TaggedJson.standard(), null);
    for (Object shown : List.of(session, session.keySet(), session.values(), session.entrySet(),
        session.entrySet().iterator().next())) {
      assertThat(shown.toString()).doesNotContain("secret_token").doesNotContain("hunter2");
    }
  }

  @Test
  void nullKey_isRefusedByEveryWritingMethod() {
    Session session = Session.of(START, TaggedJson.standard(), null);
    List<Function<Session, Object>> writes = List.of(s -> s.put(null, 1), s -> s.putIfAbsent(null, 1),
        s -> {
          s.putAll(java.util.Collections.singletonMap(null, 1));
          return null;
        }, s -> s.compute(null, (k, v) -> 1), s -> s.computeIfAbsent(null, k -> 1),
        s -> s.merge(null, 1, (a, b) -> b), s -> s.replace(null, 1));
    for (Function<Session, Object> write : writes) {
      assertThatThrownBy(() -> write.apply(session)).isInstanceOf(NullPointerException.class);
    }
    assertThat(session.data()).isEqualTo(START);
    assertThat(session.isModified()).isFalse();
  }
}
