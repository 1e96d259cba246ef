package dev.flagon.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.testing.ReadmeSnippets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/login.md's Java examples compile against the real API: the framework-free one, the servlet filter,
 * the Javalin plugin and the Spring MVC parameters (the Spring Security one is flagon-spring-security's).
 * Each template declares what the prose around the example takes as given.
 */
class DocSnippetsTest {
  private static final String USERS = """
        record User(String id) implements LoginUser { public boolean isActive() { return true; } }
        interface Users { Optional<User> find(String id); }
        interface UserRepository { Optional<User> findById(String id); }
      """;

  private static final String API = """
      import dev.flagon.*;
      import dev.flagon.login.*;
      import java.util.*;

      class Snippet%1$d {
      """ + USERS + """
        void run(Map<String, Object> flaskConfig, Users users, SessionLifecycle lifecycle, RequestView requestView,
            User user, String token) {
      %2$s
        }
      }
      """;

  private static final String SERVLET = """
      import dev.flagon.*;
      import dev.flagon.login.*;
      import dev.flagon.login.servlet.FlaskLoginFilter;
      import dev.flagon.servlet.FlagonFilter;
      import jakarta.servlet.DispatcherType;
      import jakarta.servlet.http.HttpServletRequest;
      import java.util.*;
      import org.eclipse.jetty.ee10.servlet.FilterHolder;
      import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

      class Snippet%1$d {
      """ + USERS + """
        void run(ServletContextHandler context, EnumSet<DispatcherType> types, SessionInterface sessions,
            LoginManager<User> logins, CsrfProtect csrf, HttpServletRequest request, User user, LoginOptions options) {
      %2$s
        }
      }
      """;

  private static final String JAVALIN = """
      import dev.flagon.*;
      import dev.flagon.javalin.FlagonPlugin;
      import dev.flagon.login.*;
      import dev.flagon.login.javalin.FlaskLoginPlugin;
      import io.javalin.Javalin;
      import java.util.*;

      class Snippet%1$d {
      """ + USERS + """
        void run(SessionInterface sessions, LoginManager<User> logins, CsrfProtect csrf, Users users) {
      %2$s
        }
      }
      """;

  private static final String SPRING = """
      import dev.flagon.login.*;
      import java.util.*;
      import org.springframework.context.annotation.Bean;
      import org.springframework.web.bind.annotation.*;

      class Snippet%1$d {
      """ + USERS + """
      %2$s
      }
      """;

  @Test
  void loginDoc_frameworkFreeExample_compiles() {
    assertCompiles("login-api", API);
  }

  @Test
  void loginDoc_servletExample_compiles() {
    assertCompiles("login-servlet", SERVLET);
  }

  @Test
  void loginDoc_javalinExample_compiles() {
    assertCompiles("login-javalin", JAVALIN);
  }

  @Test
  void loginDoc_springMvcExample_compiles() {
    assertCompiles("login-spring", SPRING);
  }

  private static void assertCompiles(String name, String template) {
    List<String> snippets = ReadmeSnippets.marked("docs/login.md", name);
    assertThat(snippets).hasSize(1);
    assertThat(ReadmeSnippets.compileErrors(snippets, template)).isEmpty();
  }
}
