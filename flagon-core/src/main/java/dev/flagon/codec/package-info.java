/**
 * The itsdangerous signing layer: key derivation, HMAC signer, timestamp signer and the URL-safe
 * timed serializer (zlib when it saves two bytes, base64url, a leading {@code .} for compressed payloads),
 * with key rotation and one small unchecked exception tree rooted at {@link dev.flagon.codec.BadDataException};
 * and {@link dev.flagon.codec.JweSerializer}, encrypted sessions as a standard compact JWE (AES-256-GCM, keys
 * from HKDF-SHA256).
 */
package dev.flagon.codec;
