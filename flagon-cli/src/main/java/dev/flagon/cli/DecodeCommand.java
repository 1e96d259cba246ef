package dev.flagon.cli;

import dev.flagon.codec.BadDataException;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJsonException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code flagon decode}: what anyone holding the cookie can read, without a key. */
@Command(name = "decode", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Print a session cookie's payload as tagged JSON WITHOUT verifying it (no key needed).",
        "Flask sessions are signed, not encrypted: anyone holding the cookie can read them."})
final class DecodeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(paramLabel = "COOKIE", description = CookieArgument.HELP)
  private String cookie;

  DecodeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    String payload;
    try {
      String value = CookieArgument.value(cookie, context, "decode");
      payload = SessionJson.rewrite(UrlSafeTimedSerializer.decodeUnverified(value), value.length());
    } catch (BadDataException e) {
      return rejected(e.kind(), e.getMessage());
    } catch (TaggedJsonException e) {
      return rejected("BadPayload", "the payload is not valid tagged JSON: " + e.getMessage());
    }
    context.err().println("flagon decode: warning: the signature was NOT checked;"
        + " use flagon verify to know whether the server would accept this cookie");
    context.out().println(payload);
    return Exit.OK;
  }

  private int rejected(String kind, String message) {
    context.err().println("flagon decode: cannot decode the cookie: " + kind + ": " + message);
    return Exit.REJECTED;
  }
}
