package dev.flagon.spring.conformance;

import dev.flagon.FlashMessage;
import dev.flagon.Session;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Flask's route catalog (spec section 1.6), written as a Spring MVC user would, with a Session parameter. */
@Controller
class CatalogController {

  @GetMapping("/")
  @ResponseBody
  String index(Session session) {
    return session.contains("user_id") ? "Logged in as user " + session.get("user_id") : "Not logged in";
  }

  @GetMapping("/login")
  String login(Session session) {
    session.put("user_id", 12345);
    return "redirect:/";
  }

  @GetMapping("/login-permanent")
  String loginPermanent(Session session) {
    session.setPermanent(true);
    return login(session);
  }

  @GetMapping("/logout")
  String logout(Session session) {
    session.pop("user_id", null);
    return "redirect:/";
  }

  @GetMapping("/flash")
  String flash(Session session, @RequestParam(name = "m", defaultValue = "Hello") String message,
      @RequestParam(name = "c", defaultValue = "message") String category) {
    session.flash(message, category);
    return "redirect:/";
  }

  @GetMapping("/messages")
  @ResponseBody
  String messages(Session session) {
    return session.flashes().stream()
        .map((FlashMessage flash) -> flash.category() + ":" + flash.message())
        .collect(Collectors.joining("\n"));
  }

  @GetMapping("/put")
  @ResponseBody
  String put(Session session, @RequestParam String key, @RequestParam String value) {
    session.put(key, value);
    return "ok";
  }

  @GetMapping("/clear")
  @ResponseBody
  String clear(Session session) {
    session.clear();
    return "cleared";
  }

  @GetMapping("/peek")
  @ResponseBody
  String peek(Session session) {
    return Integer.toString(session.size());
  }

  @GetMapping("/static-page")
  @ResponseBody
  String staticPage() {
    return "static";
  }

  @GetMapping("/permanent-off")
  @ResponseBody
  String permanentOff(Session session) {
    session.setPermanent(false);
    return "ok";
  }
}
