package dev.flagon.bench;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.Session;
import dev.flagon.codec.Secret;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginOptions;
import dev.flagon.login.LoginUser;
import dev.flagon.login.RequestView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Flask-Login adds to a request: open a Flask-Login session from its cookie and find the current user
 * ({@code currentUser}: session protection's SHA-512 identifier, {@code _user_id}, a trivial loader, and
 * the after-request remember-cookie check), against opening it and reading {@code _user_id} alone
 * ({@code sessionRead}). The difference is Flask-Login's cost per request, also measured alone on an open
 * session ({@code resolveOnly}); the target is at most 1 µs.
 *
 * <p>Run by JMH, or as a main class for the thread's CPU time per request ({@link CpuPerOp}'s measure),
 * which other processes on a shared machine do not inflate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoginBench {
  /** {@code SESSION_PROTECTION}: Flask-Login's default, or off. */
  @Param({"basic", "none"})
  public String protection;

  private Flagon flagon;
  private LoginManager<User> logins;
  private String cookieHeader;
  private Session opened;
  private final RequestView browser = new Browser();

  /** The application's user: the loader makes one from the id, as a cache hit would. */
  record User(String id) implements LoginUser {}

  /** A browser's request as a servlet would show it. */
  static final class Browser implements RequestView {
    @Override public String method() { return "GET"; }
    @Override public String header(String name) {
      return name.equalsIgnoreCase("User-Agent")
          ? "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" : null;
    }
    @Override public String cookie(String name) { return null; }
    @Override public String remoteAddress() { return "203.0.113.7"; }
    @Override public boolean isSecure() { return false; }
    @Override public String host() { return "localhost"; }
  }

  @Setup
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-05-10T12:00:00Z"), ZoneOffset.UTC);
    flagon = Flagon.create(FlagonConfig.builder().secretKey(Secret.fromText("a benchmark key of some length"))
        .clock(clock).build());
    logins = LoginManager.create(LoginConfig.fromMap(Map.of("SECRET_KEY", "a benchmark key of some length",
        "SESSION_PROTECTION", protection)), id -> Optional.of(new User(id)), clock);
    Session session = flagon.open();
    logins.begin(session, browser).loginUser(new User("12345"), LoginOptions.DEFAULT);
    String setCookie = flagon.save(session).setCookieHeaders().get(0);
    cookieHeader = setCookie.substring(0, setCookie.indexOf(';'));
    opened = flagon.open(cookieHeader);
    if (!"12345".equals(sessionRead()) || currentUser() == null || resolveOnly() == null) {
      throw new IllegalStateException("the logged-in session was not read back");
    }
  }

  /** Prints the CPU time per request of both benchmarks and their difference, for each protection mode. */
  public static void main(String[] args) {
    for (String mode : new String[] {"basic", "none"}) {
      LoginBench bench = new LoginBench();
      bench.protection = mode;
      bench.setUp();
      double read = CpuPerOp.cpuMicrosPerOp(bench::sessionRead);
      double user = CpuPerOp.cpuMicrosPerOp(bench::currentUser);
      double alone = CpuPerOp.cpuMicrosPerOp(bench::resolveOnly);
      System.out.printf("protection=%s sessionRead=%.3f us currentUser=%.3f us (difference %.3f) resolveOnly=%.3f us%n",
          mode, read, user, user - read, alone);
    }
  }

  @Benchmark
  public Object sessionRead() {
    return flagon.open(cookieHeader).get("_user_id");
  }

  @Benchmark
  public Object currentUser() {
    return resolve(flagon.open(cookieHeader));
  }

  /** The added work alone: the session stays unchanged (the identifier matches), so it can be reused. */
  @Benchmark
  public Object resolveOnly() {
    return resolve(opened);
  }

  private User resolve(Session session) {
    CurrentLogin<User> login = logins.begin(session, browser);
    User user = login.user().orElse(null);
    return login.finish().isPresent() ? null : user;
  }
}
