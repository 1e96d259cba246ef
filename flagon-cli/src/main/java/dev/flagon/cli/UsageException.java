package dev.flagon.cli;

/**
 * A usage or configuration error found after parsing (exit status 2). The message is printed as it is, so
 * it must name what was wrong without quoting a key.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
