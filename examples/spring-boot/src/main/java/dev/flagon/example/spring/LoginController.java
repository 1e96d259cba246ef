package dev.flagon.example.spring;

import dev.flagon.Session;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Flask's three seed routes; the {@link Session} parameter is the Flask-compatible cookie session. */
@Controller
class LoginController {

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

  @GetMapping("/logout")
  String logout(Session session) {
    session.pop("user_id", null);
    return "redirect:/";
  }
}
