package dev.flagon.codec;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A small, bounded, lock-free pool of reusable objects (HMAC engines, zlib streams), so the hot path neither
 * allocates them per call nor pins one per thread: unlike a {@code ThreadLocal}'s, the pooled objects die
 * with the pool's owner and never outnumber the slots. {@link #poll} empties a slot with an atomic exchange
 * (acquire), pairing with the store in {@link #offer} (release): an object is held by one thread at a time
 * and sees what its previous holder wrote. A miss makes the caller create an object; a full pool refuses an
 * offer, and the caller drops (or ends) the object.
 */
final class Pool<T> {
  /** Slots 32 references (128 bytes) apart never share a cache line, even with prefetching. */
  private static final int STRIDE = 32;

  private final AtomicReferenceArray<T> slots;
  private final int mask;

  /** A pool of {@code 2 × available processors} slots, rounded up to a power of two, at least 4. */
  Pool() {
    int size = Math.max(4, Integer.highestOneBit(Math.max(1, 2 * Runtime.getRuntime().availableProcessors() - 1)) << 1);
    this.slots = new AtomicReferenceArray<>(size * STRIDE);
    this.mask = size - 1;
  }

  /** A pooled object now owned by the caller, or null if none is free. */
  T poll() {
    for (int i = 0, home = home(); i <= mask; i++) {
      int index = ((home + i) & mask) * STRIDE;
      T taken = slots.getPlain(index) == null ? null : slots.getAndSet(index, null); // keeps empty lines shared
      if (taken != null) {
        return taken;
      }
    }
    return null;
  }

  /** Returns an object to the pool; false if every slot is taken. */
  boolean offer(T object) {
    for (int i = 0, home = home(); i <= mask; i++) {
      int index = ((home + i) & mask) * STRIDE;
      if (slots.getPlain(index) == null && slots.compareAndSet(index, null, object)) {
        return true;
      }
    }
    return false;
  }

  /** A thread's first slot, from its identity hash: threads mostly start at different slots. */
  private int home() {
    int h = System.identityHashCode(Thread.currentThread());
    return (h ^ (h >>> 16)) & mask;
  }
}
