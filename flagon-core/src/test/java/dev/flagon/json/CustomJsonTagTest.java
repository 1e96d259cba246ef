package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom tags: registration order, re-tagging of their JSON, key clashes, failures. */
class CustomJsonTagTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  /** A tag for a Java type Flask does not know. */
  static final class PointTag extends JsonTag<int[]> {
    PointTag(String key) {
      super(key, int[].class);
    }

    @Override
    public Object toJson(int[] value) {
      return Tuple.of(value[0], value[1]); // tagged again: becomes {" t": [...]}
    }

    @Override
    public int[] fromJson(Object json) {
      Tuple tuple = (Tuple) json;
      return new int[] {(Integer) tuple.get(0), (Integer) tuple.get(1)};
    }
  }

  /** A tag that claims Markup, which Flask's " m" also claims, to check where in the order it is tried. */
  static final class ShoutTag extends JsonTag<Markup> {
    ShoutTag() {
      super(" s", Markup.class);
    }

    @Override
    public Object toJson(Markup value) {
      return value.html().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Markup fromJson(Object json) {
      return Markup.of(((String) json).toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void customTag_appended_roundTripsAndTagsItsJsonAgain() {
    TaggedJson json = TaggedJson.builder().register(new PointTag(" p")).build();

    String text = json.dumps(Map.of("pt", new int[] {3, 4}));

    assertThat(text).isEqualTo("{\"pt\":{\" p\":{\" t\":[3,4]}}}");
    assertThat(((Map<?, ?>) json.loads(text)).get("pt")).isEqualTo(new int[] {3, 4});
  }

  @Test
  void customTag_keyLongerThanFlasks_isReadBack_andLongerKeysStayPlainObjects() {
    TaggedJson json = TaggedJson.builder().register(new PointTag(" point")).build();

    assertThat(((Map<?, ?>) json.loads("{\"pt\":{\" point\":{\" t\":[3,4]}}}")).get("pt"))
        .isEqualTo(new int[] {3, 4});
    assertThat(json.loads("{\" points\":1}")).isEqualTo(Map.of(" points", 1));
    assertThat(JSON.loads("{\" point\":1}")).isEqualTo(Map.of(" point", 1));
  }

  @Test
  void customTag_keyIsTagKeyForTagDict() {
    TaggedJson json = TaggedJson.builder().register(new PointTag(" p")).build();

    assertThat(json.dumps(Map.of(" p", 1))).isEqualTo("{\" di\":{\" p__\":1}}");
    assertThat(JSON.dumps(Map.of(" p", 1))).isEqualTo("{\" p\":1}");
  }

  @Test
  void customTag_atIndexZero_isTriedBeforeFlaskTags() {
    TaggedJson first = TaggedJson.builder().register(new ShoutTag(), 0).build();
    TaggedJson last = TaggedJson.builder().register(new ShoutTag()).build();

    assertThat(first.dumps(Markup.of("<m>"))).isEqualTo("{\" s\":\"<M>\"}");
    assertThat(last.dumps(Markup.of("<m>"))).isEqualTo("{\" m\":\"<m>\"}");
    assertThat(first.loads("{\" s\":\"ABC\"}")).isEqualTo(Markup.of("abc"));
  }

  @Test
  void customTag_atIndexZeroClaimingMaps_winsOverTagDict() {
    JsonTag<Map<?, ?>> sizeTag = new JsonTag<>(" n", castClass(Map.class)) {
      @Override
      public Object toJson(Map<?, ?> value) {
        return value.size();
      }

      @Override
      public Map<?, ?> fromJson(Object json) {
        return Map.of();
      }
    };
    TaggedJson json = TaggedJson.builder().register(sizeTag, 0).build();

    assertThat(json.dumps(Map.of(" t", 1))).isEqualTo("{\" n\":1}");
  }

  @Test
  void customTag_takenKey_isRejected() {
    TaggedJson.Builder builder = TaggedJson.builder().register(new PointTag(" p"));

    assertThatThrownBy(() -> builder.register(new PointTag(" p")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("' p'");
    assertThatThrownBy(() -> builder.register(new PointTag(" t"), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.register(new PointTag(" q"), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customTag_fromJsonThrowing_becomesTaggedJsonExceptionWithoutInput() {
    TaggedJson json = TaggedJson.builder().register(new PointTag(" p")).build();

    assertThatThrownBy(() -> json.loads("{\" p\":\"secret-value\"}"))
        .isInstanceOf(TaggedJsonException.class)
        .hasMessageContaining("' p'")
        .hasMessageNotContaining("secret-value")
        .hasNoCause();
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> castClass(Class<?> type) {
    return (Class<T>) type;
  }
}
