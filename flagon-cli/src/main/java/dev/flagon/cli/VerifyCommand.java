package dev.flagon.cli;

import dev.flagon.codec.BadDataException;
import dev.flagon.codec.BadPayloadException;
import dev.flagon.codec.BadSignatureException;
import dev.flagon.codec.Secret;
import dev.flagon.codec.SignatureExpiredException;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.codec.Verified;
import dev.flagon.json.TaggedJsonException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flagon verify}: checks a cookie as Flask would load it, and prints the session. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Verify a session cookie as Flask loads it: signature (SECRET_KEY, then the fallbacks), age, payload.",
        "Exit status 0 if accepted, 1 if rejected, 2 on a usage or configuration error."})
final class VerifyCommand implements Callable<Integer> {
  /** 31 days: Flask's default PERMANENT_SESSION_LIFETIME, which it passes as max_age for every session. */
  static final long DEFAULT_MAX_AGE = 2_678_400L;

  enum Format { TEXT, JSON }

  private final CliContext context;

  @Option(names = "--now", paramLabel = "EPOCH",
      description = "The current time in seconds since the Unix epoch (default: now).")
  private Long now;

  @Option(names = "--max-age", paramLabel = "SECONDS",
      description = "The oldest accepted signature, inclusive (default: " + ServerSettings.LIFETIME
          + " when set, as the server reads it, else " + DEFAULT_MAX_AGE + ", 31 days).")
  private Long maxAge;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default): the session and its signing time; json: one JSON object.")
  private Format format;

  @Parameters(paramLabel = "COOKIE", description = CookieArgument.HELP)
  private String cookie;

  @Mixin private KeyOptions keys;
  @Mixin private SigningOptions signing;

  VerifyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    long nowSeconds = now != null ? now : context.nowEpochSeconds();
    if (nowSeconds < 0) {
      throw new UsageException("--now must not be negative");
    }
    if (maxAge != null && maxAge < 0) {
      throw new UsageException("--max-age must not be negative");
    }
    List<KeySource> sources = keys.sources(context);
    List<Secret> secrets = sources.stream().map(source -> source.read(context)).toList();
    UrlSafeTimedSerializer serializer = Serializers.create(secrets.get(0), secrets.subList(1, secrets.size()), signing);
    long maxAgeSeconds = maxAge != null ? maxAge : ServerSettings.maxAgeSeconds(context);
    String value = CookieArgument.value(cookie, context, "verify");
    Verified verified;
    String session;
    try {
      verified = serializer.loads(value, nowSeconds, maxAgeSeconds);
      session = session(verified.payload(), value.length());
    } catch (BadDataException e) {
      return rejected(e, sources, value);
    }
    if (format == Format.JSON) {
      context.out().println(VerifyReport.accepted(session, verified.signedAt()));
    } else {
      context.out().println(session);
      context.out().println("signed at " + Instant.ofEpochSecond(verified.signedAt()) + " ("
          + verified.signedAt() + "), verified with " + keyName(verified.keyIndex()));
    }
    return Exit.OK;
  }

  /** A validly signed payload that is not a tagged-JSON session is BadPayload, as in Flask. */
  private static String session(String json, int cookieLength) {
    try {
      return SessionJson.rewriteSession(json, cookieLength);
    } catch (TaggedJsonException e) {
      throw new BadPayloadException("the payload is not valid tagged JSON: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BadPayloadException(e.getMessage(), e);
    }
  }

  private int rejected(BadDataException e, List<KeySource> sources, String value) {
    String message = e.getMessage() != null ? e.getMessage() : e.kind();
    if (format == Format.JSON) {
      context.out().println(VerifyReport.rejected(e.kind(), message));
    } else {
      context.err().println("flagon verify: cookie rejected: " + e.kind() + ": " + message);
    }
    if (e instanceof BadSignatureException && !(e instanceof SignatureExpiredException)) {
      for (String hint : OtherReadings.hints(sources, value, signing.signing(), context)) {
        context.err().println("flagon verify: hint: " + hint);
      }
    }
    return Exit.REJECTED;
  }

  private static String keyName(int keyIndex) {
    return keyIndex == 0 ? "the current key" : "fallback key " + keyIndex + " (in the order given)";
  }
}
