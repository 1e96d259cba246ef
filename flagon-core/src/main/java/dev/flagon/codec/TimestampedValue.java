package dev.flagon.codec;

/**
 * A value whose timed signature and age were verified by {@link TimestampSigner#unsign}.
 *
 * @param value the signed value (the token without its timestamp and signature)
 * @param timestamp the signing time, seconds since the Unix epoch
 * @param keyIndex which key verified it: {@code 0} the current key, {@code 1..n} the fallbacks in
 *     configured order
 */
public record TimestampedValue(String value, long timestamp, int keyIndex) {}
