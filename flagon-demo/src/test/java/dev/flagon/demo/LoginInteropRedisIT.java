package dev.flagon.demo;

import dev.flagon.redis.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link LoginInteropIT}'s flows on server-side sessions: the conformance server on {@code SESSION_TYPE=redis}
 * and the Flask twin on Flask-Session 0.8, both on one real redis-server, so the login Flask-Login keeps in
 * the session ({@code _user_id}, {@code _fresh}, {@code _id}, {@code _remember}) crosses through Redis
 * entries written by either side. Flask-Session makes sessions permanent by default, and Flask-Login's strong
 * protection only marks a permanent session's login not fresh (as basic does): both sides agree on that too.
 */
class LoginInteropRedisIT extends LoginInteropIT {
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  String config(String json) {
    return "{\"SESSION_TYPE\": \"redis\", \"SESSION_REDIS\": \"" + redis.url() + "\", " + json.substring(1);
  }

  @Override
  boolean permanentSessions() {
    return true;
  }
}
