package dev.flagon.json;

/**
 * Flask's own entries in {@code TaggedJSONSerializer.default_tags}, in the order they are tried when
 * writing. The two pass-through entries have no key: they only recurse into dicts and lists, but they
 * count as positions for {@link TaggedJson.Builder#register(JsonTag, int)}, as in Flask.
 */
enum BuiltinTag {
  TAG_DICT(" di"),
  PASS_DICT(null),
  TUPLE(" t"),
  PASS_LIST(null),
  BYTES(" b"),
  MARKUP(" m"),
  UUID(" u"),
  DATETIME(" d");

  private final String key;

  BuiltinTag(String key) {
    this.key = key;
  }

  /** The tag key, or null for a pass-through entry. */
  String key() {
    return key;
  }
}
