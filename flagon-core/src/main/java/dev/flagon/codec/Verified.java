package dev.flagon.codec;

/**
 * A payload whose signature and age were verified.
 *
 * @param json the payload's JSON text (decompressed and decoded)
 * @param signedAt the signing time, seconds since the Unix epoch
 * @param keyIndex which key verified it: {@code 0} the current key, {@code 1..n} the fallbacks in
 *     configured order
 */
public record Verified(String json, long signedAt, int keyIndex) {}
