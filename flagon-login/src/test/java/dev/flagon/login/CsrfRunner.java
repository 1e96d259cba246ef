package dev.flagon.login;

import dev.flagon.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@code csrf} request of {@code login_oracle.py} on the Java side, answering in the oracle's form:
 * each operation on its own request over the one session, as the oracle does.
 */
final class CsrfRunner {
  private CsrfRunner() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> run(Map<String, Object> request) {
    Map<String, Object> config = new HashMap<>((Map<String, Object>) request.get("config"));
    config.put("SECRET_KEY", request.get("secret"));
    long now = ((Number) request.get("now")).longValue();
    CsrfProtect csrf = CsrfProtect.create(CsrfConfig.fromMap(config),
        Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    Session session = TestSessions.of((String) request.get("session"));
    List<Object> results = new ArrayList<>();
    for (List<Object> op : (List<List<Object>>) request.get("ops")) {
      results.add(switch ((String) op.get(0)) {
        case "generate" -> csrf.begin(session, TestRequest.get()).token();
        case "validate" -> message(() -> csrf.begin(session, TestRequest.get()).validate((String) op.get(1)));
        case "protect" -> message(() -> csrf.begin(session, view((Map<String, Object>) op.get(1))).protect());
        case "same_origin" -> SameOrigin.test((String) op.get(1), (String) op.get(2));
        default -> throw new IllegalArgumentException("unknown op " + op);
      });
    }
    return Oracle.answer(results, session);
  }

  private static String message(Runnable check) {
    try {
      check.run();
      return "ok";
    } catch (CsrfException e) {
      return e.getMessage();
    }
  }

  @SuppressWarnings("unchecked")
  private static TestRequest view(Map<String, Object> p) {
    TestRequest view = TestRequest.get().withMethod((String) p.get("method"))
        .withSecure(Boolean.TRUE.equals(p.get("secure")), (String) p.getOrDefault("host", "localhost"));
    for (List<String> header : (List<List<String>>) p.getOrDefault("headers", List.of())) {
      view = view.withHeader(header.get(0), header.get(1));
    }
    for (List<String> field : (List<List<String>>) p.getOrDefault("form", List.of())) {
      view = view.withFormField(field.get(0), field.get(1));
    }
    return view;
  }
}
