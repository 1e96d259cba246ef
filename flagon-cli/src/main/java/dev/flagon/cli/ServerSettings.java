package dev.flagon.cli;

import dev.flagon.FlagonConfig;
import dev.flagon.codec.Secret;
import java.util.HashMap;
import java.util.Map;

/**
 * The server settings verify and decode follow when their environment sets them, read by the core's own
 * parser exactly as a Flagon server reads its {@code FLAGON_} variables: the max age
 * ({@code PERMANENT_SESSION_LIFETIME}, which Flask passes as max_age for every session) and the cookie name
 * to look for in a pasted {@code Cookie} header. Each is read only when needed, so that a bad value of one
 * never stops a command that does not use it.
 */
final class ServerSettings {
  static final String LIFETIME = "FLAGON_PERMANENT_SESSION_LIFETIME";
  static final String COOKIE_NAME = "FLAGON_SESSION_COOKIE_NAME";

  private ServerSettings() {}

  /** The max age in seconds, from FLAGON_PERMANENT_SESSION_LIFETIME, else Flask's default of 31 days. */
  static long maxAgeSeconds(CliContext context) {
    // Flask: int(permanent_session_lifetime.total_seconds()); never negative here.
    return read(context, LIFETIME).permanentSessionLifetime().getSeconds();
  }

  /** The session cookie's name, from FLAGON_SESSION_COOKIE_NAME, else Flask's {@code session}. */
  static String cookieName(CliContext context) {
    return read(context, COOKIE_NAME).cookieName();
  }

  /** @throws UsageException naming the variable, if the parser refuses its value */
  private static FlagonConfig read(CliContext context, String variable) {
    Map<String, String> environment = new HashMap<>();
    // The parser insists on a key; this one is random and signs nothing. The variable is read alone.
    environment.put(KeyOptions.DEFAULT_ENV, Secret.generateHex(32));
    String value = context.envAsSet(variable);
    if (value != null) {
      environment.put(variable, value);
    }
    try {
      return FlagonConfig.fromEnvironment(environment);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException("environment variable " + variable + ": " + e.getMessage());
    }
  }
}
