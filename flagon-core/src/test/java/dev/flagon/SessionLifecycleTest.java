package dev.flagon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.FakeSessions.FakeResponse;
import dev.flagon.codec.BadPayloadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The request lifecycle every integration drives, over a counting SessionInterface and a fake response. */
class SessionLifecycleTest {
  private static final String PATH = "/account";

  private final FakeSessions sessions = new FakeSessions();
  private final FakeResponse response = new FakeResponse();
  private final RecordingLogger log = new RecordingLogger();

  private SessionLifecycle lifecycle(String... cookieHeaders) {
    return new SessionLifecycle(sessions, List.of(cookieHeaders), PATH, response, log);
  }

  private SessionLifecycle lifecycle(FakeSessions other, String... cookieHeaders) {
    return new SessionLifecycle(other, List.of(cookieHeaders), PATH, response, log);
  }

  @Test
  void lifecycle_sessionNeverAskedAndNoCookie_neverOpenedAndSendsNothing() {
    SessionLifecycle request = lifecycle("theme=dark");

    request.finish();

    assertThat(sessions.opens).hasValue(0);
    assertThat(response.headers).isEmpty();
  }

  @Test
  void session_calledTwice_opensOnceWithoutMarkingAccess() {
    SessionLifecycle request = lifecycle(sessions.cookieFor(Map.of("user_id", 1), false));

    Session session = request.session();

    assertThat(request.session()).isSameAs(session);
    assertThat(sessions.opens).hasValue(1);
    assertThat(session.isAccessed()).isFalse();
  }

  @Test
  void commit_modifiedSession_savesOnceWithCookieAndVary() {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);

    assertThat(request.commit()).isTrue();
    assertThat(request.commit()).isTrue();
    request.finish();

    assertThat(sessions.saves).hasValue(1);
    assertThat(response.all("Set-Cookie")).singleElement().asString().startsWith("session=eyJ1c2VyX2lkIjoxfQ.");
    assertThat(response.all("Vary")).containsExactly("Cookie");
  }

  @Test
  void commit_fromManyThreadsAtOnce_savesExactlyOnce() throws Exception {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> commits = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        commits.add(threads.submit(() -> {
          start.await();
          return request.commit();
        }));
      }
      start.countDown();
      for (Future<Boolean> commit : commits) {
        assertThat(commit.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(sessions.saves).hasValue(1);
    assertThat(response.all("Set-Cookie")).hasSize(1);
  }

  @Test
  void finish_unreadPermanentSessionWithItsCookie_refreshedWithoutBeingRead() {
    SessionLifecycle request = lifecycle("other=1", sessions.cookieFor(Map.of("user_id", 1), true));

    request.finish();

    assertThat(sessions.opens).hasValue(1);
    assertThat(response.all("Set-Cookie")).singleElement().asString().contains("; Expires=");
    assertThat(response.all("Vary")).containsExactly("Cookie");
  }

  @Test
  void finish_unreadNonPermanentSession_opensButSendsNothing() {
    SessionLifecycle request = lifecycle(sessions.cookieFor(Map.of("user_id", 1), false));

    request.finish();

    assertThat(sessions.opens).hasValue(1);
    assertThat(response.headers).isEmpty();
  }

  @Test
  void finish_changeAfterTheSave_logsWarningWithPathAndNoData() {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);
    request.commit();
    request.session().put("user_id", "secret-value");

    request.finish();
    request.finish();

    assertThat(log.lines).singleElement().asString().startsWith("WARNING").contains(PATH)
        .doesNotContain("secret-value").doesNotContain("user_id");
  }

  @Test
  void finish_sameDataWrittenAgainAfterTheSave_noWarning() {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);
    request.commit();
    request.session().put("user_id", 1);

    request.finish();

    assertThat(log.lines).isEmpty();
  }

  @Test
  void commit_responseAlreadyCommitted_changeLostAndLogged() {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);
    response.committed = true;

    assertThat(request.commit()).isTrue();

    assertThat(response.headers).isEmpty();
    assertThat(log.lines).singleElement().asString().contains(PATH).contains("committed before");
  }

  @Test
  void commit_responseCommittedAfterOnlyAReading_noWarning() {
    SessionLifecycle request = lifecycle();
    request.session().get("user_id");
    response.committed = true;

    request.finish();

    assertThat(log.lines).isEmpty();
  }

  @Test
  void vary_noneYet_addsCookie() {
    assertThat(varyAfterSave()).containsExactly("Cookie");
  }

  @Test
  void vary_otherTokens_mergedIntoOneHeader() {
    assertThat(varyAfterSave("Accept-Encoding", " Origin ,, Accept"))
        .containsExactly("Accept-Encoding, Origin, Accept, Cookie");
  }

  @Test
  void vary_cookieAlreadyThereInAnyCase_unchanged() {
    assertThat(varyAfterSave("Accept-Encoding", "cookie")).containsExactly("Accept-Encoding", "cookie");
    assertThat(new SessionLifecycleTest().varyAfterSave("Origin, COOKIE")).containsExactly("Origin, COOKIE");
  }

  @Test
  void vary_emptyOrStar_keptAsTokens() {
    assertThat(varyAfterSave("")).containsExactly("Cookie");
    assertThat(new SessionLifecycleTest().varyAfterSave("*")).containsExactly("*, Cookie");
  }

  private List<String> varyAfterSave(String... existing) {
    for (String value : existing) {
      response.addHeader("Vary", value);
    }
    SessionLifecycle request = lifecycle();
    request.session().get("user_id"); // accessed: Vary: Cookie, no cookie set
    request.finish();
    return response.all("Vary");
  }

  @Test
  void reset_afterTheSave_savesAgainWithTheLatestSession() {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);
    request.commit();
    response.headers.clear(); // what a response reset does
    request.reset();
    request.session().put("user_id", 2);

    request.commit();
    request.finish();

    assertThat(sessions.saves).hasValue(2);
    assertThat(response.all("Set-Cookie")).singleElement().asString().startsWith("session=eyJ1c2VyX2lkIjoyfQ.");
    assertThat(log.lines).isEmpty();
  }

  @Test
  void restoreHeaders_containerDroppedVary_putsBackWhatWasWritten() {
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);
    request.commit();
    List<String> cookies = List.copyOf(response.all("Set-Cookie"));
    response.headers.remove("Vary");

    request.restoreHeaders();

    assertThat(response.all("Set-Cookie")).isEqualTo(cookies);
    assertThat(response.all("Vary")).containsExactly("Cookie");
  }

  @Test
  void session_signedCookieThatIsNotASession_propagatesAndNothingIsSaved() {
    sessions.openFailure = new BadPayloadException("the signed payload is not a session");
    SessionLifecycle request = lifecycle("session=x.y.z");

    assertThatThrownBy(request::session).isInstanceOf(BadPayloadException.class);
    request.finish();

    assertThat(sessions.opens).hasValue(1);
    assertThat(sessions.saves).hasValue(0);
    assertThat(response.headers).isEmpty();
    assertThat(log.lines).isEmpty(); // the code has the exception
  }

  @Test
  void finish_signedCookieThatIsNotASessionOnUnusedRoute_loggedAndLeftAlone() {
    sessions.openFailure = new BadPayloadException("the signed payload is not a session");
    SessionLifecycle request = lifecycle("session=x.y.z");
    request.beforeSave(r -> r.session().put("never", true));

    request.finish();

    assertThat(sessions.saves).hasValue(0);
    assertThat(response.headers).isEmpty();
    assertThat(response.error).isZero();
    assertThat(log.lines).singleElement().asString().startsWith("WARNING").contains(PATH).contains("unreadable")
        .doesNotContain("x.y.z");
  }

  @Test
  void finish_storeDownWhileRefreshingUnreadSession_answers503AndNeverSaves() {
    sessions.openFailure = new SessionStoreException("redis://127.0.0.1:6379 timed out", null);
    SessionLifecycle request = lifecycle("session=abc");

    request.finish();

    assertThat(response.error).isEqualTo(503);
    assertThat(sessions.saves).hasValue(0);
    assertThat(response.all("Set-Cookie")).isEmpty();
    assertThat(log.lines).singleElement().asString().startsWith("ERROR").contains("503").contains(PATH);
  }

  @Test
  void answerStoreFailure_storeDownWhenTheCodeOpened_answers503AndNeverSaves() {
    sessions.openFailure = new SessionStoreException("redis://127.0.0.1:6379 refused", null);
    SessionLifecycle request = lifecycle("session=abc");
    RuntimeException thrown = null;
    try {
      request.session();
    } catch (SessionStoreException e) {
      thrown = new IllegalStateException("handler failed", e); // as a framework may wrap it
    }

    assertThat(request.answerStoreFailure(thrown)).isTrue();
    assertThat(request.commit()).isFalse();
    request.finish();

    assertThat(response.error).isEqualTo(503);
    assertThat(sessions.saves).hasValue(0);
    assertThat(response.all("Set-Cookie")).isEmpty();
  }

  @Test
  void answerStoreFailure_anotherFailure_leftToTheIntegration() {
    SessionLifecycle request = lifecycle();

    assertThat(request.answerStoreFailure(new IllegalStateException("boom"))).isFalse();
    assertThat(response.error).isZero();
  }

  @Test
  void commit_storeFailsOnSave_answers503WithoutCookie() {
    sessions.saveFailure = new SessionStoreException("redis://127.0.0.1:6379 write timed out", null);
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);

    assertThat(request.commit()).isFalse();
    assertThat(request.commit()).isFalse();
    request.finish();

    assertThat(sessions.saves).hasValue(1);
    assertThat(response.error).isEqualTo(503);
    assertThat(response.all("Set-Cookie")).isEmpty();
  }

  @Test
  void commit_cookieTooLargeUnderErrorPolicy_answers500NamingTheKey() {
    FakeSessions small = new FakeSessions(FakeSessions.config().maxCookieSize(100));
    SessionLifecycle request = lifecycle(small);
    request.session().put("blob", "x".repeat(50) + new java.util.Random(1).ints(300, 'a', 'z' + 1)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append));

    assertThat(request.commit()).isFalse();

    assertThat(response.error).isEqualTo(500);
    assertThat(response.all("Set-Cookie")).isEmpty();
    assertThat(log.lines).singleElement().asString().startsWith("ERROR").contains(PATH).contains("blob");
  }

  @Test
  void commit_otherSaveFailure_propagates() {
    sessions.saveFailure = new IllegalStateException("the serializer failed");
    SessionLifecycle request = lifecycle();
    request.session().put("user_id", 1);

    assertThatThrownBy(request::commit).isSameAs(sessions.saveFailure);
    assertThat(request.commit()).isFalse();
  }

  @Test
  void beforeSave_hookChangesSessionAndAddsCookie_bothWrittenHooksFirst() {
    SessionLifecycle request = lifecycle();
    request.beforeSave(r -> {
      r.session().put("user_id", 1);
      r.addSetCookieHeader("remember_token=1|abc; Path=/");
    });

    request.commit();

    assertThat(response.all("Set-Cookie")).hasSize(2);
    assertThat(response.all("Set-Cookie").get(0)).isEqualTo("remember_token=1|abc; Path=/");
    assertThat(response.all("Set-Cookie").get(1)).startsWith("session=eyJ1c2VyX2lkIjoxfQ.");
  }

  @Test
  void beforeSave_hookOnRequestWithoutSession_runsAndMayOpenIt() {
    SessionLifecycle request = lifecycle();
    List<String> seen = new ArrayList<>();
    request.beforeSave(r -> seen.add(String.valueOf(r.session().get("_remember"))));

    request.finish();

    assertThat(seen).containsExactly("null");
    assertThat(response.all("Vary")).containsExactly("Cookie"); // Flask's session was accessed too
  }

  @Test
  void beforeSave_afterAReset_runsOnceAndItsCookieIsWrittenAgain() {
    SessionLifecycle request = lifecycle();
    List<String> runs = new ArrayList<>();
    request.beforeSave(r -> {
      runs.add("run");
      r.addSetCookieHeader("remember_token=1|abc; Path=/");
    });
    request.commit();
    response.headers.clear();
    request.reset();

    request.finish();

    assertThat(runs).hasSize(1);
    assertThat(response.all("Set-Cookie")).containsExactly("remember_token=1|abc; Path=/");
  }

  @Test
  void beforeSave_registeredAfterTheSave_refused() {
    SessionLifecycle request = lifecycle();
    request.commit();

    assertThatThrownBy(() -> request.beforeSave(r -> { })).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(PATH);
    assertThatThrownBy(() -> request.addSetCookieHeader("a=b")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void addSetCookieHeader_lineBreak_refused() {
    assertThatThrownBy(() -> lifecycle().addSetCookieHeader("a=b\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
