package dev.flagon.json;

import java.util.Objects;

/**
 * A string of HTML that is already safe to render, like MarkupSafe's {@code Markup}; tagged {@code " m"}.
 *
 * @param html the HTML text
 */
public record Markup(String html) implements CharSequence {
  public Markup {
    Objects.requireNonNull(html, "html");
  }

  /** Wraps already-safe HTML without escaping it. */
  public static Markup of(String html) {
    return new Markup(html);
  }

  @Override
  public int length() {
    return html.length();
  }

  @Override
  public char charAt(int index) {
    return html.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return html.subSequence(start, end);
  }

  @Override
  public String toString() {
    return html;
  }
}
