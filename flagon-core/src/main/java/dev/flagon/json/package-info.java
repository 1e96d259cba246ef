/**
 * Flask's tagged JSON ({@code flask/json/tag.py}): the session serializer, byte for byte.
 *
 * <p>Java values map to Python values as follows: {@link java.util.Map} ↔ dict, {@link java.util.List}
 * ↔ list, {@link dev.flagon.json.Tuple} ↔ tuple, {@code byte[]} ↔ bytes, {@link dev.flagon.json.Markup}
 * ↔ Markup, {@link java.util.UUID} ↔ UUID, {@link java.time.OffsetDateTime} (and other temporal types
 * when writing) ↔ datetime, {@link String}, {@link Boolean}, {@code null}, {@link Integer} / {@link Long}
 * / {@link java.math.BigInteger} ↔ int, {@link Double} ↔ float.
 *
 * <p>Writing also accepts {@link java.time.Instant}, {@link java.time.ZonedDateTime} and
 * {@link java.time.LocalDateTime} (naive, taken as UTC) as datetimes; {@link Short}, {@link Byte} as ints;
 * {@link Float} as a float (through its double value); any other {@link CharSequence} as a string; and,
 * like Flask's JSON fallback, {@link java.time.LocalDate} as an untagged HTTP-date string at midnight UTC
 * and {@link java.math.BigDecimal} as its string. Map keys are normally strings; ints, floats, booleans and
 * null are written as strings, as Python does. Anything else is refused with a
 * {@link dev.flagon.json.TaggedJsonException} naming the Java type.
 *
 * <p>Reading returns {@link java.util.LinkedHashMap}, {@link java.util.ArrayList} (both mutable),
 * {@link dev.flagon.json.Tuple}, {@code byte[]}, {@link dev.flagon.json.Markup}, {@link java.util.UUID},
 * {@link java.time.OffsetDateTime} (UTC unless the text named another offset; null where Flask gets None),
 * {@link String}, {@link Boolean}, {@code null}, {@link Integer} when the int fits, else {@link Long}, else
 * {@link java.math.BigInteger}, and {@link Double}.
 */
package dev.flagon.json;
