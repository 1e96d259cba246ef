/**
 * Encrypted session cookies: {@link dev.flagon.encrypted.EncryptedFormats} ({@code SESSION_FORMAT=encrypted}
 * and {@code encrypted-migrate}, found by the core through {@link java.util.ServiceLoader}) and
 * {@link dev.flagon.encrypted.JweSerializer}, the compact JWE itself (AES-256-GCM, keys from HKDF-SHA256).
 */
package dev.flagon.encrypted;
