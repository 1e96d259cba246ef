package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/redis.md's code example compiles against the real API. */
class RedisDocTest {
  private static final String TEMPLATE = """
      import dev.flagon.*;
      import dev.flagon.redis.*;
      import io.lettuce.core.RedisClient;

      class Snippet%1$d {
        void run(FlagonConfig config, RedisClient client, Session session) {
      %2$s
        }
      }
      """;

  @Test
  void redisDoc_usingItExample_compiles() {
    List<String> snippets = ReadmeSnippets.marked("docs/redis.md", "redis");
    assertThat(snippets).hasSize(1);
    assertThat(ReadmeSnippets.compileErrors(snippets, TEMPLATE)).isEmpty();
  }
}
