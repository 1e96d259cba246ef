package dev.flagon.cli;

/** The exit statuses outside scripts rely on. */
final class Exit {
  static final int OK = 0;
  /** The cookie was rejected: a verify failure, or a payload that cannot be decoded. */
  static final int REJECTED = 1;
  /** A usage or configuration error: bad option, missing or malformed key, unreadable file, bad JSON input. */
  static final int USAGE = 2;
  /** A bug in Flagon (EX_SOFTWARE), so that it is never mistaken for a verdict on the cookie. */
  static final int INTERNAL = 70;

  private Exit() {}
}
