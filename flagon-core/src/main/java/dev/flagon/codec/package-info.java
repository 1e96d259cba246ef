/**
 * The itsdangerous signing layer: key derivation, HMAC signer, timestamp signer and the URL-safe
 * timed serializer (zlib when it saves two bytes, base64url, a leading {@code .} for compressed payloads),
 * with key rotation through one {@link dev.flagon.codec.KeyRing}, one type for a verified payload
 * ({@link dev.flagon.codec.Verified}) and one small unchecked exception tree rooted at
 * {@link dev.flagon.codec.BadDataException}.
 */
package dev.flagon.codec;
