package dev.flagon.redis.testing;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded poll on a condition that other processes make true (a failover, a replica catching up). */
public final class Await {
  private Await() {}

  /**
   * Returns as soon as {@code condition} holds; fails naming {@code what} if it has not within {@code limit}.
   * The condition may throw: that counts as not yet.
   */
  public static void until(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() > deadline) {
        fail("within " + limit.toSeconds() + " s, " + what + " did not happen"
            + (last == null ? "" : " (last error: " + last + ")"));
      }
      try {
        Thread.sleep(50); // other processes are doing the work; this only paces the checks
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted while waiting until " + what);
      }
    }
  }
}
