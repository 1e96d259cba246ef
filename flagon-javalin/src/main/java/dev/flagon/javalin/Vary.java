package dev.flagon.javalin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;

/** {@code Vary} is a set of header names: add {@code Cookie} once, keeping what is there. */
final class Vary {
  private Vary() {}

  /** Adds {@code Cookie} unless present (case-insensitive), merging existing values into one header. */
  static void addCookie(HttpServletResponse response) {
    List<String> names = new ArrayList<>();
    for (String value : response.getHeaders("Vary")) {
      for (String name : value.split(",")) {
        String trimmed = name.trim();
        if (trimmed.equalsIgnoreCase("Cookie")) {
          return;
        }
        if (!trimmed.isEmpty()) {
          names.add(trimmed);
        }
      }
    }
    names.add("Cookie");
    response.setHeader("Vary", String.join(", ", names));
  }
}
