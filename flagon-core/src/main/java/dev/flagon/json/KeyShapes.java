package dev.flagon.json;

import java.util.Map;

/**
 * Recently written {@link KeyShape}s, shared by every dump of one serializer. Each shape has two possible
 * slots, chosen by its first key's hash (which a String caches; a map key has had it computed already)
 * and its size, so that two shapes whose slots collide can both stay. Thread-safe without locks: a shape
 * is immutable and reached through final fields, so a thread sees either no shape or a whole one, and
 * whichever of two racing writes wins, the table holds correct shapes. A shape found here has the right
 * size and first key; its other keys are for {@link KeyShape#collect} to check. Bounded by {@value #SLOTS}
 * shapes.
 */
final class KeyShapes {
  private static final int SLOTS = 128;

  private final KeyShape[] slots;

  KeyShapes() {
    this.slots = new KeyShape[SLOTS];
  }

  private KeyShapes(KeyShape[] slots) {
    this.slots = slots;
  }

  /** A table that never learns or finds a shape: every dict takes the general path (for tests). */
  static KeyShapes disabled() {
    return new KeyShapes(null);
  }

  /** A known shape of this size whose first key equals {@code firstKey}, or null. */
  KeyShape candidate(Object firstKey, int size) {
    if (slots == null || !(firstKey instanceof String text)) {
      return null;
    }
    int slot = slot(text, size);
    KeyShape shape = slots[slot];
    if (shape != null && shape.size() == size && shape.isKey(0, text)) {
      return shape;
    }
    shape = slots[slot ^ 1];
    return shape != null && shape.size() == size && shape.isKey(0, text) ? shape : null;
  }

  /**
   * The shape of a dict that was just found to be in Python's order, kept for next time; null if it cannot
   * have one.
   */
  KeyShape learn(Map<?, ?> map) {
    if (slots == null) {
      return null;
    }
    KeyShape shape = KeyShape.of(map);
    if (shape != null) {
      remember(shape);
    }
    return shape;
  }

  /** Keeps the shape in its first slot; what was there moves to the second, and the second's goes. */
  private void remember(KeyShape shape) {
    int slot = slot(shape.key(0), shape.size());
    KeyShape previous = slots[slot];
    if (previous != null) {
      slots[slot ^ 1] = previous;
    }
    slots[slot] = shape;
  }

  private static int slot(String firstKey, int size) {
    int hash = firstKey.hashCode() * 31 + size;
    hash ^= hash >>> 16;
    return (hash * 0x9e3779b9 >>> 24) & (SLOTS - 1);
  }
}
