package dev.flagon.login.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.codec.Secret;
import dev.flagon.javalin.FlagonPlugin;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.CsrfException;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginOptions;
import dev.flagon.login.LoginUser;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FlaskLoginPlugin} on a real Javalin 7 app: {@code ctx.with(...)} and the remember cookie. */
class FlaskLoginPluginIT {
  private static final String KEY = "a javalin test key, not a secret";
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  record User(String id) implements LoginUser {}

  private final LoginManager<User> logins = LoginManager.create(LoginConfig.fromMap(Map.of("SECRET_KEY", KEY)),
      id -> id.equals("ghost") ? Optional.empty() : Optional.of(new User(id)));
  private final CsrfProtect csrf = CsrfProtect.create(CsrfConfig.fromMap(Map.of("SECRET_KEY", KEY)));
  private Javalin app;

  @BeforeEach
  void start() {
    Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey(Secret.fromText(KEY)).build());
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.registerPlugin(new FlagonPlugin(flagon));
      config.registerPlugin(new FlaskLoginPlugin(logins, csrf));
      config.routes.get("/login", ctx -> {
        ctx.with(FlaskLoginPlugin.class).login(logins).loginUser(new User(ctx.queryParam("id")),
            LoginOptions.DEFAULT.withRemember(true));
        ctx.result("ok");
      });
      config.routes.get("/whoami", ctx -> ctx.result(ctx.with(FlaskLoginPlugin.class).login().user()
          .map(LoginUser::id).orElse("anonymous")));
      config.routes.get("/logout", ctx -> ctx.with(FlaskLoginPlugin.class).login().logoutUser());
      config.routes.get("/static", ctx -> ctx.result("static"));
      config.routes.get("/csrf", ctx -> {
        try {
          ctx.with(FlaskLoginPlugin.class).csrf().validate(ctx.queryParam("token"));
          ctx.result("ok");
        } catch (CsrfException e) {
          ctx.status(400).result(e.getMessage());
        }
      });
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  private HttpResponse<String> get(String path, String cookies) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (cookies != null) {
      request.header("Cookie", cookies);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String pair(List<String> setCookies, String name) {
    return setCookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.split(";")[0]).findFirst()
        .orElse(null);
  }

  @Test
  void rememberedLogin_setsTheRememberCookie_whichRestoresTheUserWithoutTheSession() throws Exception {
    List<String> setCookies = get("/login?id=u%7C1", null).headers().allValues("Set-Cookie");
    String remember = pair(setCookies, "remember_token");

    assertThat(remember).startsWith("remember_token=u|1|");
    assertThat(setCookies.get(0)).as("before the session cookie, as in Flask").startsWith("remember_token=");
    assertThat(get("/whoami", remember).body()).isEqualTo("u|1");
    assertThat(get("/whoami", remember.replace("u|1|", "u|2|")).body()).isEqualTo("anonymous");
  }

  @Test
  void logout_withTheRememberCookie_deletesIt() throws Exception {
    String remember = pair(get("/login?id=7", null).headers().allValues("Set-Cookie"), "remember_token");

    List<String> setCookies = get("/logout", remember).headers().allValues("Set-Cookie");

    assertThat(setCookies).contains("remember_token=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/");
  }

  @Test
  void everyRequest_runsFlaskLoginsAfterRequest_evenOneThatNeverAsksForTheUser() throws Exception {
    HttpResponse<String> response = get("/static", null);

    assertThat(response.body()).isEqualTo("static");
    assertThat(response.headers().allValues("Vary")).as("Flask-Login reads the session").contains("Cookie");
  }

  @Test
  void csrf_reachedThroughTheSameExtension_checksWithFlaskWtfsMessage() throws Exception {
    assertThat(get("/csrf?token=abc", null).body()).isEqualTo("The CSRF session token is missing.");
  }
}
