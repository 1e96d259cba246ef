/**
 * Flask's tagged JSON ({@code flask/json/tag.py}): the session serializer, byte for byte.
 *
 * <p>Java values map to Python values as follows: {@link java.util.Map} ↔ dict, {@link java.util.List}
 * ↔ list, {@link dev.flagon.json.Tuple} ↔ tuple, {@code byte[]} ↔ bytes, {@link dev.flagon.json.Markup}
 * ↔ Markup, {@link java.util.UUID} ↔ UUID, {@link java.time.OffsetDateTime} (and other temporal types
 * when writing) ↔ datetime, {@link String}, {@link Boolean}, {@code null}, {@link Integer} / {@link Long}
 * / {@link java.math.BigInteger} ↔ int, {@link Double} ↔ float.
 */
package dev.flagon.json;
