package dev.flagon.json;

import java.util.Objects;

/**
 * A string of HTML that is already safe to render, like MarkupSafe's {@code Markup}; tagged {@code " m"}.
 */
public final class Markup implements CharSequence {
  private final String html;

  private Markup(String html) {
    this.html = Objects.requireNonNull(html, "html");
  }

  /** Wraps already-safe HTML without escaping it. */
  public static Markup of(String html) {
    return new Markup(html);
  }

  /** The HTML text. */
  public String html() {
    return html;
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
  public boolean equals(Object other) {
    return other instanceof Markup && html.equals(((Markup) other).html);
  }

  @Override
  public int hashCode() {
    return html.hashCode() * 31 + 1;
  }

  @Override
  public String toString() {
    return html;
  }
}
