package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.json.TaggedJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Session against a reference model, a Python dict with Flask's two flags: any sequence of Map calls gives
 * the same results, the same data in the same order, and the same flags after every step.
 */
class SessionModelPropertiesTest {

  /**
   * The model: Python's dict (insertion order; re-storing a key keeps its place) and Flask's rules, written
   * from spec 6.3: any call marks accessed; a store always marks modified; a removal only when the key was
   * there; Java-only methods when they store or remove.
   */
  static final class PyDict {
    final LinkedHashMap<String, Object> d = new LinkedHashMap<>();
    boolean accessed;
    boolean modified;

    Object get(String k) {
      accessed = true;
      return d.get(k);
    }

    Object set(String k, Object v) { // d[k] = v
      accessed = true;
      modified = true;
      return d.put(k, v);
    }

    Object del(String k) { // pop(k, None)
      accessed = true;
      if (!d.containsKey(k)) {
        return null;
      }
      modified = true;
      return d.remove(k);
    }
  }

  /** One call, on the session and on the model. */
  record Op(String name, java.util.function.Function<Session, Object> onSession,
      java.util.function.Function<PyDict, Object> onModel) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<String> KEYS = List.of("a", "b", "c");
  private static final List<Object> VALUES = java.util.Arrays.asList(null, 1, 2, "x");

  @Provide
  Arbitrary<List<Op>> calls() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<Object> value = Arbitraries.of(VALUES);
    Arbitrary<Object> nonNull = Arbitraries.of(1, 2, "x");
    Arbitrary<Op> op = Arbitraries.oneOf(
        key.map(k -> new Op("get " + k, s -> s.get(k), m -> m.get(k))),
        Combinators.combine(key, value).as((k, v) -> new Op("getOrDefault " + k, s -> s.getOrDefault(k, v),
            m -> {
              m.accessed = true;
              return m.d.containsKey(k) ? m.d.get(k) : v;
            })),
        key.map(k -> new Op("containsKey " + k, s -> s.containsKey(k), m -> {
          m.accessed = true;
          return m.d.containsKey(k);
        })),
        Combinators.combine(key, value).as((k, v) -> new Op("put " + k + "=" + v, s -> s.put(k, v),
            m -> m.set(k, v))),
        Combinators.combine(key, value).as((k, v) -> new Op("putAll " + k + "=" + v, s -> {
          s.putAll(single(k, v));
          return null;
        }, m -> {
          m.set(k, v);
          return null;
        })),
        Arbitraries.just(new Op("putAll {}", s -> {
          s.putAll(Map.of());
          return null;
        }, m -> {
          m.accessed = true;
          m.modified = true; // update({}) counts
          return null;
        })),
        Combinators.combine(key, value).as((k, v) -> new Op("putIfAbsent " + k, s -> s.putIfAbsent(k, v),
            m -> { // setdefault: only if absent; None is a value
              m.accessed = true;
              return m.d.containsKey(k) ? m.d.get(k) : m.set(k, v);
            })),
        key.map(k -> new Op("remove " + k, s -> s.remove(k), m -> m.del(k))),
        Combinators.combine(key, value).as((k, v) -> new Op("pop " + k, s -> s.pop(k, v), m -> {
          m.accessed = true;
          return m.d.containsKey(k) ? m.del(k) : v;
        })),
        Combinators.combine(key, value).as((k, v) -> new Op("remove(k, v) " + k, s -> s.remove(k, v), m -> {
          m.accessed = true;
          boolean holds = m.d.containsKey(k) && Objects.equals(m.d.get(k), v);
          if (holds) {
            m.del(k);
          }
          return holds;
        })),
        Arbitraries.just(new Op("clear", s -> {
          s.clear();
          return null;
        }, m -> {
          m.accessed = true;
          m.modified = true; // even when empty
          m.d.clear();
          return null;
        })),
        Combinators.combine(key, value).as((k, v) -> new Op("compute " + k + "->" + v,
            s -> s.compute(k, (x, old) -> v), m -> {
              m.accessed = true;
              if (v != null) {
                m.set(k, v);
              } else {
                m.del(k);
              }
              return v;
            })),
        Combinators.combine(key, value).as((k, v) -> new Op("computeIfAbsent " + k + "->" + v,
            s -> s.computeIfAbsent(k, x -> v), m -> {
              m.accessed = true;
              Object old = m.d.get(k);
              if (old != null) {
                return old;
              }
              if (v != null) {
                m.set(k, v);
              }
              return v;
            })),
        Combinators.combine(key, value).as((k, v) -> new Op("computeIfPresent " + k + "->" + v,
            s -> s.computeIfPresent(k, (x, old) -> v), m -> {
              m.accessed = true;
              if (m.d.get(k) == null) {
                return null;
              }
              if (v != null) {
                m.set(k, v);
              } else {
                m.del(k);
              }
              return v;
            })),
        Combinators.combine(key, nonNull, value).as((k, v, r) -> new Op("merge " + k + " " + v + "->" + r,
            s -> s.merge(k, v, (old, given) -> r), m -> {
              m.accessed = true;
              Object result = m.d.get(k) == null ? v : r;
              if (result != null) {
                m.set(k, result);
              } else {
                m.del(k);
              }
              return result;
            })),
        Combinators.combine(key, value).as((k, v) -> new Op("replace " + k, s -> s.replace(k, v),
            m -> {
              m.accessed = true;
              return m.d.containsKey(k) ? m.set(k, v) : null;
            })),
        Combinators.combine(key, value, value).as((k, o, v) -> new Op("replace " + k + " " + o + "->" + v,
            s -> s.replace(k, o, v), m -> {
              m.accessed = true;
              boolean holds = m.d.containsKey(k) && Objects.equals(m.d.get(k), o);
              if (holds) {
                m.set(k, v);
              }
              return holds;
            })),
        value.map(v -> new Op("replaceAll ->" + v, s -> {
          s.replaceAll((k, old) -> v);
          return null;
        }, m -> {
          m.accessed = true;
          for (String k : new ArrayList<>(m.d.keySet())) {
            m.set(k, v);
          }
          return null;
        })),
        key.map(k -> new Op("keySet.remove " + k, s -> s.keySet().remove(k), m -> {
          m.accessed = true;
          boolean present = m.d.containsKey(k);
          m.del(k);
          return present;
        })),
        value.map(v -> new Op("values.remove " + v, s -> s.values().remove(v), m -> {
          m.accessed = true;
          for (Map.Entry<String, Object> e : m.d.entrySet()) {
            if (Objects.equals(e.getValue(), v)) {
              m.del(e.getKey());
              return true;
            }
          }
          return false;
        })),
        value.map(v -> new Op("first entry setValue " + v, s -> {
          Iterator<Map.Entry<String, Object>> it = s.entrySet().iterator();
          return it.hasNext() ? it.next().setValue(v) : "none";
        }, m -> {
          m.accessed = true;
          return m.d.isEmpty() ? "none" : m.set(m.d.keySet().iterator().next(), v);
        })),
        Arbitraries.just(new Op("iterator remove first", s -> {
          Iterator<String> it = s.keySet().iterator();
          if (!it.hasNext()) {
            return "none";
          }
          it.next();
          it.remove();
          return null;
        }, m -> {
          m.accessed = true;
          if (m.d.isEmpty()) {
            return "none";
          }
          m.del(m.d.keySet().iterator().next());
          return null;
        })),
        Arbitraries.just(new Op("size", Session::size, m -> {
          m.accessed = true;
          return m.d.size();
        })));
    return op.list().ofMaxSize(12);
  }

  private static Map<String, Object> single(String k, Object v) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k, v);
    return map;
  }

  @Provide
  Arbitrary<Map<String, Object>> loaded() {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.of(VALUES)).ofMaxSize(3)
        .map(LinkedHashMap::new);
  }

  @Property(tries = 3000)
  void session_anyCalls_matchesPythonDictWithFlasksFlags(@ForAll("loaded") Map<String, Object> loaded,
      @ForAll("calls") List<Op> calls) {
    Session session = Session.of(loaded, TaggedJson.standard(), null);
    PyDict model = new PyDict();
    model.d.putAll(loaded);
    for (Op call : calls) {
      Object expected = call.onModel().apply(model);
      Object actual = call.onSession().apply(session);

      assertThat(actual).as("%s returns", call).isEqualTo(expected);
      assertThat(new ArrayList<>(session.data().entrySet())).as("data after %s", call)
          .isEqualTo(new ArrayList<>(model.d.entrySet()));
      assertThat(session.isAccessed()).as("accessed after %s", call).isEqualTo(model.accessed);
      assertThat(session.isModified()).as("modified after %s", call).isEqualTo(model.modified);
    }
  }
}
