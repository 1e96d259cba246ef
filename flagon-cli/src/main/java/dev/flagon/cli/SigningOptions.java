package dev.flagon.cli;

import dev.flagon.codec.Signing.Digest;
import dev.flagon.codec.Signing.KeyDerivation;
import dev.flagon.codec.Signing;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** Salt, digest and key derivation of the session interface; Flask's by default. */
final class SigningOptions {
  @Option(names = "--salt", paramLabel = "SALT", defaultValue = "cookie-session",
      description = "Signing salt (default: ${DEFAULT-VALUE}).")
  private String salt;

  @Option(names = "--digest", paramLabel = "NAME", defaultValue = "sha1",
      description = "sha1, sha256, sha384 or sha512 (default: ${DEFAULT-VALUE}).")
  private String digest;

  @Option(names = "--key-derivation", paramLabel = "NAME", defaultValue = "hmac",
      description = "hmac, django-concat, concat or none (default: ${DEFAULT-VALUE}).")
  private String keyDerivation;

  Signing signing() {
    return Signing.of(salt, digest(), keyDerivation());
  }

  private Digest digest() {
    for (Digest candidate : Digest.values()) {
      if (candidate.flaskName().equalsIgnoreCase(digest)) {
        return candidate;
      }
    }
    throw new UsageException("--digest: unknown digest (the value given is not shown); use one of "
        + Arrays.stream(Digest.values()).map(Digest::flaskName).collect(Collectors.joining(", ")));
  }

  private KeyDerivation keyDerivation() {
    for (KeyDerivation candidate : KeyDerivation.values()) {
      if (candidate.flaskName().equalsIgnoreCase(keyDerivation)) {
        return candidate;
      }
    }
    throw new UsageException("--key-derivation: unknown key derivation (the value given is not shown); use one of "
        + Arrays.stream(KeyDerivation.values()).map(KeyDerivation::flaskName).collect(Collectors.joining(", ")));
  }
}
