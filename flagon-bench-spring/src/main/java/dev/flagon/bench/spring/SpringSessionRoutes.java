package dev.flagon.bench.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The bench routes on Spring Session: the {@code HttpSession} its filter puts in front of Redis. */
@RestController
@Profile("spring-session")
class SpringSessionRoutes {

  @GetMapping("/")
  String index(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return Routes.index(session == null ? null : session.getAttribute("user_id"));
  }

  @GetMapping("/write")
  String write(HttpSession session) {
    session.setAttribute("counter", Routes.next(session.getAttribute("counter")));
    return "ok";
  }

  @GetMapping("/login")
  String login(HttpSession session) {
    session.setAttribute("user_id", Routes.USER_ID);
    return "ok";
  }
}
