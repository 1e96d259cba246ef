package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.json.Markup;
import dev.flagon.json.TaggedJson;
import dev.flagon.json.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message flashing, spec section 8: the wire shape is a list of (category, message) tuples. */
class SessionFlashTest {

  private static Session withFlashes(Object flashes) {
    Map<String, Object> data = new HashMap<>();
    data.put("_flashes", flashes);
    data.put("user_id", 1);
    return Session.of(data, TaggedJson.standard(), null);
  }

  @Test
  void flash_emptySession_storesListOfCategoryMessageTuples() {
    Session session = Session.of(Map.of(), TaggedJson.standard(), null);
    session.flash("Hello");
    session.flash("Bad things happened", "error");
    assertThat(session.isModified()).isTrue();
    assertThat(session.toMap()).containsExactly(Map.entry("_flashes",
        List.of(Tuple.of("message", "Hello"), Tuple.of("error", "Bad things happened"))));
  }

  @Test
  void flash_existingImmutableListFromCookie_appendsWithoutTouchingIt() {
    List<Object> loaded = List.of(Tuple.of("info", "one"));
    Session session = withFlashes(loaded);
    session.flash(Markup.of("<b>two</b>"), "warning");
    assertThat(session.get("_flashes"))
        .isEqualTo(List.of(Tuple.of("info", "one"), Tuple.of("warning", Markup.of("<b>two</b>"))));
    assertThat(loaded).hasSize(1);
  }

  @Test
  void flash_flashesKeyNotAList_throws() {
    assertThatThrownBy(() -> withFlashes("oops").flash("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void flashedMessages_firstCall_popsFlashesAndMarksModified() {
    Session session = withFlashes(List.of(Tuple.of("info", "Welcome!")));
    assertThat(session.flashedMessages(false)).containsExactly("Welcome!");
    assertThat(session.isModified()).isTrue();
    assertThat(session.contains("_flashes")).isFalse();
  }

  @Test
  void flashedMessages_noFlashes_isEmptyAndUnmodifiedButAccessed() {
    Session session = Session.of(Map.of("user_id", 1), TaggedJson.standard(), null);
    assertThat(session.flashedMessages(true)).isEmpty();
    assertThat(session.isModified()).isFalse();
    assertThat(session.isAccessed()).isTrue();
  }

  @Test
  void flashedMessages_laterCalls_seeTheCachedListEvenWithFilters() {
    Session session = withFlashes(List.of(Tuple.of("info", "a"), Tuple.of("error", "b"), Tuple.of("info", "c")));
    assertThat(session.flashedMessages(false, "info")).containsExactly("a", "c");
    assertThat(session.flashedMessages(true, "error")).containsExactly(new FlashMessage("error", "b"));
    assertThat(session.flashedMessages(true)).containsExactly(new FlashMessage("info", "a"),
        new FlashMessage("error", "b"), new FlashMessage("info", "c"));
    assertThat(session.flashes("warning")).isEmpty();
  }

  @Test
  void flashedMessages_flashAfterFirstCall_isNotReturnedUntilNextRequest() {
    Session session = withFlashes(List.of(Tuple.of("message", "old")));
    assertThat(session.flashedMessages(false)).containsExactly("old");
    session.flash("new");
    assertThat(session.flashedMessages(false)).containsExactly("old");
    assertThat(session.get("_flashes")).isEqualTo(List.of(Tuple.of("message", "new")));
  }

  @Test
  void flashes_listEntries_areReadLikeTuples() {
    Session session = withFlashes(List.of(List.of("info", "as list"), Tuple.of("error", "as tuple")));
    assertThat(session.flashes()).containsExactly(
        new FlashMessage("info", "as list"), new FlashMessage("error", "as tuple"));
  }

  @Test
  void flashes_malformedEntries_areSkipped() {
    Session session = withFlashes(List.of("text", List.of("one"), Tuple.of("a", "b", "c"), Tuple.of("ok", 1)));
    assertThat(session.flashes()).containsExactly(new FlashMessage("ok", 1));
  }

  @Test
  void flashes_flashesNotAList_areNone() {
    Session session = withFlashes(null);
    assertThat(session.flashes()).isEmpty();
    assertThat(session.isModified()).isTrue(); // the key was present and popped
  }

  @Test
  void flashes_poppingTheOnlyKey_leavesAnEmptyModifiedSession() {
    Map<String, Object> data = Map.of("_flashes", List.of(Tuple.of("info", "Welcome!")));
    Session session = Session.of(data, TaggedJson.standard(), null);
    session.flashes();
    assertThat(session.data()).isEmpty();
    assertThat(session.isModified()).isTrue();
  }

  @Test
  void flashedMessages_result_isUnmodifiable() {
    List<Object> messages = withFlashes(List.of(Tuple.of("m", "x"))).flashedMessages(false);
    assertThatThrownBy(() -> messages.add("y")).isInstanceOf(UnsupportedOperationException.class);
  }
}
