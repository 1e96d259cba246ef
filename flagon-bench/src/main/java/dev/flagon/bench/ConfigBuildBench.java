package dev.flagon.bench;

import dev.flagon.FlagonConfig;
import dev.flagon.codec.Secret;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the weak-key check adds to building a configuration, which every application does once at startup:
 * {@code build} checks a random key (reading the flask-unsign table and the word list, then the pattern
 * search), {@code buildAllowingWeak} skips the check. {@code SingleShotTime} gives the first, cold build.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SingleShotTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConfigBuildBench {
  private final String key = Secret.generateHex(32);

  @Benchmark
  public FlagonConfig build() {
    return FlagonConfig.builder().secretKey(key).build();
  }

  @Benchmark
  public FlagonConfig buildAllowingWeak() {
    return FlagonConfig.builder().secretKey(key).allowWeakSecretKey().build();
  }
}
