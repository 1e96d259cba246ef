package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flagon.json.JsonTag;
import dev.flagon.json.Markup;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.TaggedJsonException;
import dev.flagon.json.Tuple;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Values tagged JSON cannot write: refused when stored, or named by their key path when saved. */
class SessionValuesTest {
  private static final String SECRET_VALUE = "secret-value";

  record Point(int x, int y) {}

  private static FlagonConfig.Builder config() {
    return FlagonConfig.builder().secretKey("session-values-test-key")
        .clock(Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
  }

  private static Flagon flagon() {
    return Flagon.create(config().build());
  }

  private static Session loaded() {
    return Session.of(new LinkedHashMap<>(Map.of("a", 1)), TaggedJson.standard(), null);
  }

  private static HashSet<String> aSet() {
    return new HashSet<>(List.of(SECRET_VALUE));
  }

  @Test
  void put_set_isRefusedAtOnceNamingKeyAndTypeButNotTheValue() {
    Session session = flagon().open();
    UnsupportedValueException e = catchThrowableOfType(UnsupportedValueException.class,
        () -> session.put("tags", aSet()));

    assertThat(e).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("session value 'tags' is a java.util.HashSet; session values must be String,")
        .hasMessageContaining("Map with String keys").hasMessageContaining("JsonTag")
        .hasMessageNotContaining(SECRET_VALUE);
    assertThat(e.keyPath()).isEqualTo("'tags'");
    assertThat(e.valueType()).isEqualTo("java.util.HashSet");
    assertThat(session.containsKey("tags")).isFalse();
  }

  @Test
  void put_recordOrCharacter_isRefused() {
    Session session = loaded();
    assertThatThrownBy(() -> session.put("p", new Point(1, 2)))
        .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("SessionValuesTest$Point");
    assertThatThrownBy(() -> session.put("c", 'c'))
        .isInstanceOf(UnsupportedValueException.class).hasMessageContaining("java.lang.Character");
  }

  @Test
  void everyWritingMethod_unsupportedValue_throwsAndLeavesTheSessionUnchanged() {
    List<Consumer<Session>> writes = List.of(
        s -> s.put("b", aSet()),
        s -> s.putAll(new LinkedHashMap<>(Map.of("b", 2, "c", aSet()))),
        s -> s.putIfAbsent("b", aSet()),
        s -> s.compute("a", (k, v) -> aSet()),
        s -> s.computeIfAbsent("b", k -> aSet()),
        s -> s.computeIfPresent("a", (k, v) -> aSet()),
        s -> s.merge("a", aSet(), (old, v) -> v),
        s -> s.merge("b", aSet(), (old, v) -> v),
        s -> s.replace("a", aSet()),
        s -> s.replace("a", 1, aSet()),
        s -> s.replaceAll((k, v) -> aSet()),
        s -> s.entrySet().iterator().next().setValue(aSet()),
        s -> s.flash(aSet()),
        s -> s.flash(aSet(), "error"));
    for (Consumer<Session> write : writes) {
      Session session = loaded();
      assertThatThrownBy(() -> write.accept(session)).isInstanceOf(UnsupportedValueException.class)
          .hasMessageContaining("java.util.HashSet").hasMessageNotContaining(SECRET_VALUE);
      assertThat(session.data()).isEqualTo(Map.of("a", 1));
      assertThat(session.isModified()).isFalse();
    }
  }

  @Test
  void put_everySupportedType_isAcceptedAndSaved() {
    Flagon flagon = flagon();
    Session session = flagon.open();
    Object[] values = {"s", true, 1, 2L, BigInteger.TEN.pow(20), 1.5, null, new ArrayList<>(List.of(1)),
        new HashMap<>(Map.of("k", "v")), Tuple.of(1, 2), new byte[] {1}, Markup.of("<b>"), UUID.randomUUID(),
        Instant.EPOCH, Instant.EPOCH.atOffset(ZoneOffset.UTC), Instant.EPOCH.atZone(ZoneOffset.UTC),
        java.time.LocalDateTime.of(2024, 1, 1, 0, 0)};
    for (int i = 0; i < values.length; i++) {
      session.put("v" + i, values[i]);
    }
    assertThat(flagon.save(session).setCookieHeaders()).hasSize(1);
  }

  /** A custom tag registered on the configuration's serializer makes its type a session value. */
  static final class PointTag extends JsonTag<Point> {
    PointTag() {
      super(" pt", Point.class);
    }

    @Override
    public Object toJson(Point value) {
      return Tuple.of(value.x(), value.y());
    }

    @Override
    public Point fromJson(Object json) {
      List<?> xy = (List<?>) json;
      return new Point((Integer) xy.get(0), (Integer) xy.get(1));
    }
  }

  @Test
  void put_typeOfACustomTagOnTheConfiguration_isAcceptedAndRoundTrips() {
    Flagon flagon = Flagon.create(config().taggedJson(TaggedJson.builder().register(new PointTag()).build())
        .build());
    Session session = flagon.open();
    session.put("p", new Point(3, 4));

    String cookie = flagon.save(session).setCookieHeaders().get(0).split(";")[0];

    assertThat(flagon.open(cookie).get("p")).isEqualTo(new Point(3, 4));
    assertThatThrownBy(() -> flagon().open().put("p", new Point(3, 4)))
        .isInstanceOf(UnsupportedValueException.class);
  }

  @Test
  void save_nestedSet_namesTheKeyPath() {
    Flagon flagon = flagon();
    Session session = flagon.open();
    Map<String, Object> item = new HashMap<>(Map.of("when", "now"));
    List<Object> cart = new ArrayList<>(List.of("a", "b", item));
    session.put("cart", cart);
    item.put("when", aSet()); // changed after it was stored: only saving can see it

    UnsupportedValueException e = catchThrowableOfType(UnsupportedValueException.class,
        () -> flagon.save(session));

    assertThat(e).hasMessageStartingWith("session value 'cart'[2]['when'] is a java.util.HashSet; session"
        + " values must be").hasMessageNotContaining(SECRET_VALUE).hasCauseInstanceOf(TaggedJsonException.class);
    assertThat(e.keyPath()).isEqualTo("'cart'[2]['when']");
  }

  @Test
  void save_nestedValueUnderOddKeys_pathQuotesThemAsPythonAndCutsLongOnes() {
    Flagon flagon = flagon();
    Session session = flagon.open();
    Map<Object, Object> inner = new HashMap<>();
    inner.put(7, Tuple.of(1, new Point(1, 2)));
    session.put("it's", new HashMap<>(Map.of("x".repeat(100), inner)));

    UnsupportedValueException e = catchThrowableOfType(UnsupportedValueException.class,
        () -> flagon.save(session));

    assertThat(e.keyPath()).isEqualTo("'it\\'s'['" + "x".repeat(64) + "...'][7][1]");
  }

  @Test
  void save_failureThatIsNotAType_keepsTaggedJsonException() {
    Session session = flagon().open();
    Map<Object, Object> mixed = new HashMap<>(Map.of("a", 1, 2, 3));
    session.put("m", mixed);
    assertThatThrownBy(() -> flagon().save(session)).isExactlyInstanceOf(TaggedJsonException.class);
  }
}
