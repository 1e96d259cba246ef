package dev.flagon.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The secret keys of one application, as Flask rotates them: the current key ({@code SECRET_KEY}) seals new
 * values, and every format tries the current key, then the fallbacks ({@code SECRET_KEY_FALLBACKS}) newest
 * first; each format derives its keys through {@link #derive}, so that order is written once. Immutable,
 * thread-safe and opaque like {@link Secret}.
 */
public final class KeyRing {
  private final Secret current;
  /** In {@code SECRET_KEY_FALLBACKS} order: the oldest first. */
  private final List<Secret> fallbacks;

  private KeyRing(Secret current, List<Secret> fallbacks) {
    this.current = Objects.requireNonNull(current, "current");
    this.fallbacks = List.copyOf(Objects.requireNonNull(fallbacks, "fallbacks"));
  }

  /**
   * The current key and older ones still accepted, in {@code SECRET_KEY_FALLBACKS} order (oldest first).
   *
   * @throws NullPointerException if an argument or a fallback is null
   */
  public static KeyRing of(Secret current, List<Secret> fallbacks) {
    return new KeyRing(current, fallbacks);
  }

  /** One key and no fallbacks. @throws NullPointerException if null */
  public static KeyRing of(Secret current) {
    return of(current, List.of());
  }

  /** How many keys: the current one and the fallbacks. */
  public int size() {
    return 1 + fallbacks.size();
  }

  /**
   * One derived key per secret, in the order keys are tried. Each secret's bytes are lent to
   * {@code derivation} and wiped when it returns, so a derived key must keep its own copy.
   */
  public <K> List<K> derive(Function<byte[], K> derivation) {
    List<K> keys = new ArrayList<>(size());
    for (int position = 0; position < size(); position++) {
      byte[] bytes = (position == 0 ? current : fallbacks.get(fallbacks.size() - position)).copyBytes();
      try {
        keys.add(Objects.requireNonNull(derivation.apply(bytes), "derived key"));
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Which key the one at {@code position} in {@link #derive}'s list is: {@code 0} the current key,
   * {@code 1..n} the fallbacks in configured order (as {@link Verified#keyIndex()} reports it).
   */
  public int keyIndex(int position) {
    Objects.checkIndex(position, size());
    return position == 0 ? 0 : fallbacks.size() - position + 1;
  }

  /** Redacted: {@code KeyRing[3 keys]}. */
  @Override
  public String toString() {
    return "KeyRing[" + size() + " keys]";
  }
}
