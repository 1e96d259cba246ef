package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.json.TaggedJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTest {

  private static Session loaded(Object... keyValues) {
    Map<String, Object> data = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      data.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Session.of(data, TaggedJson.standard(), null);
  }

  private static Session after(Session session, Consumer<Session> action) {
    action.accept(session);
    return session;
  }

  @Test
  void newSession_fromLoadedData_isNeitherAccessedNorModifiedNorNew() {
    Session session = loaded("user_id", 1);
    assertThat(session.isAccessed()).isFalse();
    assertThat(session.isModified()).isFalse();
    assertThat(session.isNew()).isFalse();
    assertThat(session.isAccessed()).isFalse(); // the flags themselves do not mark access
  }

  @Test
  void put_sameValueAgain_marksModified() {
    Session session = after(loaded("a", 1), s -> s.put("a", 1));
    assertThat(session.isModified()).isTrue();
    assertThat(session.isAccessed()).isTrue();
  }

  @Test
  void put_returnsPreviousValue() {
    Session session = loaded("a", 1);
    assertThat(session.put("a", 2)).isEqualTo(1);
    assertThat(session.put("b", 3)).isNull();
  }

  @Test
  void put_nullValue_isStoredAsPythonNone() {
    Session session = after(loaded(), s -> s.put("nothing", null));
    assertThat(session.contains("nothing")).isTrue();
    assertThat(session.toMap()).containsEntry("nothing", null);
  }

  @Test
  void put_nullKey_throws() {
    assertThatThrownBy(() -> loaded().put(null, 1)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void pop_presentKey_returnsValueAndMarksModified() {
    Session session = loaded("a", 1);
    assertThat(session.pop("a", "d")).isEqualTo(1);
    assertThat(session.isModified()).isTrue();
    assertThat(session.contains("a")).isFalse();
  }

  @Test
  void pop_missingKey_returnsDefaultAndStaysUnmodified() {
    Session session = loaded("a", 1);
    assertThat(session.pop("b", "d")).isEqualTo("d");
    assertThat(session.isModified()).isFalse();
    assertThat(session.isAccessed()).isTrue();
  }

  @Test
  void pop_presentKeyHoldingNone_marksModified() {
    Session session = loaded("a", null);
    assertThat(session.pop("a", "d")).isNull();
    assertThat(session.isModified()).isTrue();
  }

  @Test
  void remove_missingKey_staysUnmodified() {
    Session session = loaded();
    assertThat(session.remove("a")).isNull();
    assertThat(session.isModified()).isFalse();
    assertThat(session.isAccessed()).isTrue();
  }

  @Test
  void remove_presentKey_marksModified() {
    Session session = loaded("a", 1);
    assertThat(session.remove("a")).isEqualTo(1);
    assertThat(session.isModified()).isTrue();
  }

  @Test
  void clear_emptySession_stillMarksModified() {
    Session session = after(loaded(), Session::clear);
    assertThat(session.isModified()).isTrue();
    assertThat(session.isAccessed()).isTrue();
  }

  @Test
  void clear_permanentSession_removesPermanentFlagToo() {
    Session session = after(loaded("_permanent", true, "a", 1), Session::clear);
    assertThat(session.isEmpty()).isTrue();
    assertThat(session.isPermanent()).isFalse();
  }

  @Test
  void markModified_doesNotMarkAccessed() {
    Session session = after(loaded(), Session::markModified);
    assertThat(session.isModified()).isTrue();
    assertThat(session.isAccessed()).isFalse();
  }

  @Test
  void everyReadingMethod_marksAccessedButNotModified() {
    List<Consumer<Session>> reads = List.of(
        s -> s.get("a"), s -> s.get("a", Integer.class), s -> s.getOrDefault("a", 0), s -> s.contains("a"),
        Session::keys, Session::size, Session::isEmpty, Session::toMap, Session::isPermanent);
    for (Consumer<Session> read : reads) {
      Session session = after(loaded("a", 1), read);
      assertThat(session.isAccessed()).isTrue();
      assertThat(session.isModified()).isFalse();
    }
  }

  @Test
  void setPermanent_false_isAWriteThatStaysInTheData() {
    Session session = after(loaded(), s -> s.setPermanent(false));
    assertThat(session.isModified()).isTrue();
    assertThat(session.toMap()).containsExactly(Map.entry("_permanent", false));
    assertThat(session.isPermanent()).isFalse();
  }

  @Test
  void setPermanent_true_storesRealBoolean() {
    Session session = after(loaded(), s -> s.setPermanent(true));
    assertThat(session.get("_permanent")).isEqualTo(Boolean.TRUE);
    assertThat(session.isPermanent()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "no", "0", "false"})
  void isPermanent_nonEmptyString_isTruthy(String text) {
    assertThat(loaded("_permanent", text).isPermanent()).isTrue();
  }

  @Test
  void isPermanent_pythonFalsyValues_areFalse() {
    for (Object falsy : new Object[] {null, false, 0, 0L, BigInteger.ZERO, 0.0, -0.0, "", List.of(), Map.of(),
        new byte[0]}) {
      assertThat(loaded("_permanent", falsy).isPermanent()).as("%s", falsy).isFalse();
    }
  }

  @Test
  void isPermanent_pythonTruthyValues_areTrue() {
    for (Object truthy : new Object[] {true, 1, -1L, BigInteger.TWO, 0.5, Double.NaN, "x", List.of(0),
        Map.of("k", "v"), new byte[1]}) {
      assertThat(loaded("_permanent", truthy).isPermanent()).as("%s", truthy).isTrue();
    }
  }

  @Test
  void isPermanent_absent_isFalse() {
    assertThat(loaded().isPermanent()).isFalse();
  }

  @Test
  void typedGet_integerWidensAndNarrowsWhenItFits() {
    Session session = loaded("i", 5, "l", 7L, "big", BigInteger.valueOf(9));
    assertThat(session.get("i", Long.class)).isEqualTo(5L);
    assertThat(session.get("i", BigInteger.class)).isEqualTo(BigInteger.valueOf(5));
    assertThat(session.get("l", Integer.class)).isEqualTo(7);
    assertThat(session.get("big", Long.class)).isEqualTo(9L);
    assertThat(session.get("big", int.class)).isEqualTo(9);
  }

  @Test
  void typedGet_integerTooLarge_throwsNamingKey() {
    Session session = loaded("n", BigInteger.ONE.shiftLeft(70));
    assertThatThrownBy(() -> session.get("n", Long.class))
        .isInstanceOf(ClassCastException.class).hasMessageContaining("'n'").hasMessageContaining("BigInteger");
  }

  @Test
  void typedGet_otherType_throwsNamingKeyAndActualType() {
    Session session = loaded("name", "bob");
    assertThatThrownBy(() -> session.get("name", Integer.class))
        .isInstanceOf(ClassCastException.class).hasMessageContaining("'name'").hasMessageContaining("String")
        .hasMessageNotContaining("bob");
  }

  @Test
  void typedGet_absentKey_returnsNull() {
    assertThat(loaded().get("x", String.class)).isNull();
  }

  @Test
  void getOrDefault_presentNone_returnsNoneNotDefault() {
    assertThat(loaded("a", null).getOrDefault("a", "d")).isNull();
    assertThat(loaded().getOrDefault("a", "d")).isEqualTo("d");
  }

  @Test
  void snapshots_doNotChangeWithTheSession() {
    Session session = loaded("a", 1);
    Map<String, Object> map = session.toMap();
    var keys = session.keys();
    session.put("b", 2);
    assertThat(map).containsOnlyKeys("a");
    assertThat(keys).containsExactly("a");
    assertThatThrownBy(() -> map.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toString_showsNoKeysOrValues() {
    Session session = loaded("secret_token", "hunter2");
    assertThat(session.toString()).doesNotContain("secret_token").doesNotContain("hunter2");
  }

  @Test
  void data_forSaving_doesNotMarkAccessed() {
    Session session = loaded("_permanent", true);
    assertThat(session.data()).containsOnlyKeys("_permanent");
    assertThat(session.permanentFlag()).isTrue();
    assertThat(session.isAccessed()).isFalse();
  }

  @Test
  void nestedMutation_isNotSeenUntilMarked() {
    List<Object> cart = new ArrayList<>();
    Session session = loaded("cart", cart);
    cart.add("apple"); // the session holds the same list, as Flask's dict does
    assertThat(session.isModified()).isFalse();
    session.markModified();
    assertThat(session.isModified()).isTrue();
  }
}
