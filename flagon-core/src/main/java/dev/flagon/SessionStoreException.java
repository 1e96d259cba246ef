package dev.flagon;

/**
 * The session store failed: a server-side store (such as Redis) could not be reached, did not answer in time,
 * or refused a command. Integrations answer 503 Service Unavailable, never an empty session (which would then
 * overwrite the user's data); a write that threw this was not saved. The message names the store's address
 * and the operation, never a session id, a key or session data.
 */
public class SessionStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed and where, without session ids or data @param cause the client's, or null */
  public SessionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
