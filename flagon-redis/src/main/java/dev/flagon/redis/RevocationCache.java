package dev.flagon.redis;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each user's revocation cutoff as last read from Redis (or pushed by pub/sub), with when it was read.
 * Cutoffs only move forward, so every update keeps the larger one: a late answer can never undo a
 * revocation already seen. Holds at most {@code maxSize} users; a full cache first drops entries too old to
 * be used, then an arbitrary quarter (they are simply read again). Thread-safe.
 */
final class RevocationCache {
  /** A cutoff (epoch seconds; a session signed before it is void; 0 for none) and when it was read. */
  record Entry(long cutoff, long readAtMillis) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxSize;
  private final long maxAgeMillis;

  RevocationCache(int maxSize, long maxAgeMillis) {
    this.maxSize = maxSize;
    this.maxAgeMillis = maxAgeMillis;
  }

  /** The entry if it is young enough to use at {@code nowMillis}, else null. */
  Entry fresh(String user, long nowMillis) {
    Entry entry = entries.get(user);
    return entry != null && nowMillis - entry.readAtMillis() < maxAgeMillis ? entry : null;
  }

  /** The entry whatever its age, or null. */
  Entry any(String user) {
    return entries.get(user);
  }

  /** Records a cutoff read at {@code readAtMillis}, keeping the later cutoff of the two. */
  Entry put(String user, long cutoff, long readAtMillis) {
    if (!entries.containsKey(user) && entries.size() >= maxSize) {
      makeRoom(readAtMillis);
    }
    return entries.merge(user, new Entry(cutoff, readAtMillis),
        (old, now) -> new Entry(Math.max(old.cutoff(), now.cutoff()), Math.max(old.readAtMillis(), now.readAtMillis())));
  }

  /**
   * A pushed revocation: raises a cached cutoff at once. An uncached user needs nothing (the next request
   * reads Redis), so nothing is added.
   */
  void raise(String user, long cutoff) {
    entries.computeIfPresent(user, (key, old) -> new Entry(Math.max(old.cutoff(), cutoff), old.readAtMillis()));
  }

  /** Forgets everything (after pub/sub reconnected: pushes may have been missed). */
  void clear() {
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  private void makeRoom(long nowMillis) {
    entries.values().removeIf(e -> nowMillis - e.readAtMillis() >= maxAgeMillis);
    if (entries.size() >= maxSize) {
      int drop = Math.max(1, maxSize / 4);
      Iterator<String> users = entries.keySet().iterator();
      while (drop-- > 0 && users.hasNext()) {
        users.next();
        users.remove();
      }
    }
  }
}
