package dev.flagon.redis;

/** {@code SESSION_REVOCATION_FAIL}: what a revocation check does when Redis cannot answer it in time. */
public enum RevocationFailMode {
  /**
   * Refuse the request with {@link dev.flagon.SessionStoreException} (integrations answer 503): a revoked
   * session is never accepted, and nobody is logged out by an outage. The default (docs/security.md).
   */
  CLOSED,
  /** Accept the session on the last answer seen for its user, or as not revoked if none was seen. */
  OPEN
}
