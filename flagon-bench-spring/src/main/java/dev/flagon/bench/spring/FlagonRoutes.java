package dev.flagon.bench.spring;

import dev.flagon.Session;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The bench routes on Flagon: the starter's {@link Session} controller parameter. */
@RestController
@Profile("flagon")
class FlagonRoutes {

  @GetMapping("/")
  String index(Session session) {
    return Routes.index(session.get("user_id"));
  }

  @GetMapping("/write")
  String write(Session session) {
    session.put("counter", Routes.next(session.get("counter")));
    return "ok";
  }

  @GetMapping("/login")
  String login(Session session) {
    session.put("user_id", Routes.USER_ID);
    return "ok";
  }
}
