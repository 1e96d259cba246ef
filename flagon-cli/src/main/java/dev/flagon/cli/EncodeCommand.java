package dev.flagon.cli;

import dev.flagon.codec.Secret;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJsonException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flagon encode}: the cookie value Flask would set for a session at a given time. */
@Command(name = "encode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
        "Print the cookie value Flask would set for a session.",
        "The session is Flask's tagged JSON (plain JSON is tagged JSON without tags), from --json,"
            + " --json-file or standard input; key order, spacing and escaping do not matter."})
final class EncodeCommand implements Callable<Integer> {
  /** 9999-12-31T23:59:59Z: Flask cannot load a cookie dated later (its datetime conversion fails). */
  static final long MAX_TIMESTAMP = 253_402_300_799L;

  private final CliContext context;

  @Option(names = "--json", paramLabel = "TEXT", description = "The session as tagged JSON.")
  private String json;

  @Option(names = "--json-file", paramLabel = "PATH", description = "Read the session from this file (UTF-8).")
  private String jsonFile;

  @Option(names = "--timestamp", paramLabel = "EPOCH",
      description = "Signing time in seconds since the Unix epoch (default: now).")
  private Long timestamp;

  @Mixin private KeyOptions keys;
  @Mixin private SigningOptions signing;

  EncodeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    long signedAt = timestamp != null ? timestamp : context.nowEpochSeconds();
    if (signedAt < 0 || signedAt > MAX_TIMESTAMP) {
      throw new UsageException(
          "--timestamp must be between 0 and " + MAX_TIMESTAMP + " (the end of year 9999)");
    }
    // Keys first: a missing key should not wait for a session on standard input.
    UrlSafeTimedSerializer serializer = Serializers.create(keys.current(context), List.<Secret>of(), signing);
    // Fallbacks never sign, but they are read so that a bad one is reported as it would be by verify.
    keys.fallbacks(context);
    String session = session(input());
    context.out().println(serializer.dumps(session, signedAt));
    if (session.equals("{}")) {
      context.err().println("flagon encode: note: Flask never sets a cookie for an empty session");
    }
    return Exit.OK;
  }

  private static String session(String input) {
    try {
      return SessionJson.rewriteSession(input, input.length());
    } catch (TaggedJsonException e) {
      throw new UsageException("the session is not valid tagged JSON: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private String input() {
    if (json != null && jsonFile != null) {
      throw new UsageException("give --json or --json-file, not both");
    }
    if (json != null) {
      return json;
    }
    if (jsonFile != null) {
      return utf8(readFile(), "--json-file " + Echo.path(jsonFile));
    }
    try {
      return utf8(context.in().readAllBytes(), "standard input");
    } catch (IOException e) {
      throw new UsageException("cannot read the session from standard input (" + e.getClass().getSimpleName() + ")");
    }
  }

  private byte[] readFile() {
    try {
      return Files.readAllBytes(Path.of(jsonFile));
    } catch (InvalidPathException e) {
      throw new UsageException("--json-file: not a valid path: " + Echo.path(jsonFile));
    } catch (NoSuchFileException e) {
      throw new UsageException("--json-file: no such file: " + Echo.path(jsonFile));
    } catch (IOException e) {
      throw new UsageException(
          "--json-file: cannot read " + Echo.path(jsonFile) + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Strict UTF-8: a malformed byte is an error, never a silent U+FFFD in a signed cookie. */
  private static String utf8(byte[] bytes, String where) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("the session in " + where + " is not valid UTF-8");
    }
  }
}
