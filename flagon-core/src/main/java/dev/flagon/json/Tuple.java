package dev.flagon.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable sequence that Flask writes as a tuple ({@code {" t": [...]}}), distinct from a list: equal
 * only to other tuples with equal items, never to a {@link List} that is not a tuple.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess {
  private final Object[] items;

  private Tuple(Object[] items) {
    this.items = items;
  }

  /** A tuple of the given items (which may be null). */
  public static Tuple of(Object... items) {
    return new Tuple(items.clone());
  }

  /** A tuple over this array, which the caller hands over and never changes again. */
  static Tuple adopting(Object[] items) {
    return new Tuple(items);
  }

  /** A tuple holding the items of a list, in order. */
  public static Tuple copyOf(List<?> items) {
    return new Tuple(items.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }

  /** Equal only to a tuple with equal items (AbstractList's hashCode agrees with this). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Tuple tuple && Arrays.equals(items, tuple.items);
  }

  @Override
  public String toString() {
    return "Tuple" + super.toString();
  }
}
