package dev.flagon.cli;

import dev.flagon.WerkzeugCookie;
import java.util.List;

/**
 * The COOKIE argument of verify and decode: the session cookie's value, or a pasted {@code session=VALUE}
 * or whole {@code Cookie} header ({@code a=b; session=VALUE}), read by the core as a server reads it.
 */
final class CookieArgument {
  /** The COOKIE parameter's description in verify's and decode's help. */
  static final String HELP = "The session cookie's value; or session=VALUE, or a whole Cookie header"
      + " (a=b; session=VALUE), from which the session cookie is taken (its name: "
      + ServerSettings.COOKIE_NAME + ", else session).";
  private static final String HEADER_NAME = "cookie:";

  private CookieArgument() {}

  /**
   * The cookie's value. A session cookie's value never holds {@code =} or {@code ;} (it is base64url and
   * dots), so an argument without them is the value itself, as it always was; one with them is read as a
   * header, and used as it is if it holds no session cookie (then it fails as it did before).
   */
  static String value(String argument, CliContext context, String command) {
    if (argument.indexOf('=') < 0 && argument.indexOf(';') < 0) {
      return argument;
    }
    String header = argument.regionMatches(true, 0, HEADER_NAME, 0, HEADER_NAME.length())
        ? argument.substring(HEADER_NAME.length())
        : argument;
    String name = ServerSettings.cookieName(context);
    String value = WerkzeugCookie.firstValue(List.of(header), name);
    if (value == null) {
      context.err().println("flagon " + command + ": note: COOKIE has '=' or ';' like a Cookie header, but no"
          + " cookie named " + name + " (" + ServerSettings.COOKIE_NAME + " sets the name); reading it as"
          + " the cookie's value");
      return argument;
    }
    return value;
  }
}
