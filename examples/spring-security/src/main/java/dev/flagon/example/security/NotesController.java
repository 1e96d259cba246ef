package dev.flagon.example.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The Spring side: endpoints guarded by Spring Security, seeing the Flask-Login user. */
@RestController
class NotesController {
  private final String flaskUrl;

  NotesController(@org.springframework.beans.factory.annotation.Value("${example.flask-url:http://127.0.0.1:5000}")
      String flaskUrl) {
    this.flaskUrl = flaskUrl;
  }

  @GetMapping("/admin")
  @PreAuthorize("hasRole('ADMIN')")
  String admin(@AuthenticationPrincipal ExampleUser user) {
    return "Hello admin " + user.id();
  }

  @GetMapping("/me")
  @PreAuthorize("isAuthenticated()")
  String me(@AuthenticationPrincipal ExampleUser user) {
    return user.id();
  }

  /** Only for a fresh login, as Flask-Login's fresh_login_required: a remembered one is not enough. */
  @GetMapping("/fresh")
  @PreAuthorize("isFullyAuthenticated()")
  String fresh(@AuthenticationPrincipal ExampleUser user) {
    return "fresh " + user.id();
  }

  /** Spring's CSRF protection checks the token: one Flask rendered passes. */
  @PostMapping("/notes")
  String notes(@RequestParam(defaultValue = "") String text) {
    return "saved on Spring: " + HtmlUtils.htmlEscape(text);
  }

  /** A Spring-rendered form that posts to Flask, with the token Flask-WTF accepts. */
  @GetMapping(path = "/form", produces = "text/html")
  String form(CsrfToken token) {
    return "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(flaskUrl) + "/notes\">"
        + "<input type=\"hidden\" name=\"" + token.getParameterName() + "\" value=\"" + token.getToken() + "\">"
        + "<input name=\"text\"><button>Save on Flask</button></form>";
  }
}
