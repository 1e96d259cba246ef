package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.codec.Secret;
import dev.flagon.testing.LivePython;
import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session ids and their signed cookies against Flask-Session 0.8's own code, both ways. */
class SessionIdsInteropIT {
  private static final String KEY = "live-test-secret-key-0123456789";

  /** Flask-Session's RedisSessionInterface with the signer on: token_urlsafe ids, _sign and _unsign. */
  private static final String SCRIPT = String.join("\n",
      "import sys, warnings, redis",
      "from flask import Flask",
      "from flask_session.redis import RedisSessionInterface",
      "warnings.simplefilter('ignore')",
      "app = Flask('t'); app.secret_key = sys.argv[1]",
      "iface = RedisSessionInterface(app, client=redis.Redis(), use_signer=True)",
      "sid = iface._generate_sid(iface.sid_length)",
      "print(sid); print(iface._sign(app, sid))",
      "for signed in sys.argv[2:]:",
      "    try: print(iface._unsign(app, signed))",
      "    except Exception as e: print('!' + type(e).__name__)");

  @Test
  void signedIds_flaskSessionReadsFlagonsAndFlagonReadsFlaskSessions() throws Exception {
    SessionIds ids = SessionIds.create(RedisSessionConfig.fromMap(Map.of("SESSION_USE_SIGNER", true)),
        Secret.fromText(KEY));
    String javaId = ids.newId();
    String javaCookie = ids.cookieValue(javaId);
    List<String> out = python(KEY, javaCookie, javaCookie + "x");
    String pythonId = out.get(0);
    String pythonCookie = out.get(1);

    assertThat(pythonId).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(ids.idFromCookie(pythonCookie)).contains(pythonId);
    assertThat(ids.cookieValue(pythonId)).isEqualTo(pythonCookie);
    assertThat(out.get(2)).isEqualTo(javaId);
    assertThat(out.get(3)).isEqualTo("!BadSignature");
  }

  private static List<String> python(String... args) throws IOException {
    String python = LivePython.require("flask_session", "redis");
    List<String> command = new java.util.ArrayList<>(List.of(python, "-c", SCRIPT));
    command.addAll(List.of(args));
    return Subprocess.run("Flask-Session's RedisSessionInterface", new ProcessBuilder(command)
        .redirectErrorStream(true), "", Duration.ofSeconds(60)).orFail().out().lines().toList();
  }
}
