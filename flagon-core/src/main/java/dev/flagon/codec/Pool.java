package dev.flagon.codec;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small, bounded, lock-free pool of reusable objects (HMAC engines, zlib streams and buffers), so the hot
 * path neither allocates them per call nor pins one per thread.
 *
 * <p>Slots are spread over separate cache lines; a thread starts at a slot picked from its identity hash
 * and probes the others. {@link #poll} empties a slot with an atomic exchange, so an object is only ever
 * held by one thread, and the exchange (acquire) pairs with the store in {@link #offer} (release): whatever
 * the previous holder wrote into the object is visible to the next one. A miss makes the caller create a
 * fresh object; an offer to a full pool is refused, and the caller drops (or closes) the object. Unlike a
 * {@code ThreadLocal}, the pooled objects die with the pool's owner and never outnumber the slots, however
 * many threads a server runs.
 */
final class Pool<T> {
  /** References per cache line pair: slots 128 bytes apart never share a line, even with prefetching. */
  private static final int STRIDE = 32;

  private final AtomicReferenceArray<T> slots;
  private final int mask;

  /** A pool of {@code 2 × available processors} slots (a power of two, at least 4). */
  Pool() {
    this(Math.max(4, Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1));
  }

  /** @param size the number of slots, a power of two */
  Pool(int size) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of two: " + size);
    }
    this.slots = new AtomicReferenceArray<>(size * STRIDE);
    this.mask = size - 1;
  }

  /** A pooled object now owned by the caller, or null if none is free. */
  T poll() {
    int home = home();
    for (int i = 0; i <= mask; i++) {
      int index = ((home + i) & mask) * STRIDE;
      if (slots.getPlain(index) != null) { // read before writing: an empty slot's line stays shared
        T taken = slots.getAndSet(index, null);
        if (taken != null) {
          return taken;
        }
      }
    }
    return null;
  }

  /** Returns an object to the pool; false if every slot is taken (the caller then drops or closes it). */
  boolean offer(T object) {
    int home = home();
    for (int i = 0; i <= mask; i++) {
      int index = ((home + i) & mask) * STRIDE;
      if (slots.getPlain(index) == null && slots.compareAndSet(index, null, object)) {
        return true;
      }
    }
    return false;
  }

  private int home() {
    int h = System.identityHashCode(Thread.currentThread());
    return (h ^ (h >>> 16)) & mask;
  }
}
