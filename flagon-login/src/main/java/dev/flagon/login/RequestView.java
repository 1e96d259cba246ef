package dev.flagon.login;

import java.util.List;

/**
 * What Flask-Login and Flask-WTF read of a request, as Flask's {@code request} gives it. An integration
 * implements it over its own request type; texts are as a WSGI server passes them to Flask (header values
 * as ISO-8859-1 text of the raw bytes).
 */
public interface RequestView {
  /** The method in upper case, such as {@code POST}. */
  String method();

  /**
   * A header's value, found case-insensitively, or {@code null} when absent; a header sent several times
   * is given as a WSGI server joins it (the values separated by {@code ,}).
   */
  String header(String name);

  /** A cookie's decoded value ({@code request.cookies[name]}: the first of that name), or {@code null}. */
  String cookie(String name);

  /** The client's address ({@code request.remote_addr}), or {@code null} when unknown. */
  String remoteAddress();

  /** Whether the request came over HTTPS ({@code request.is_secure}). */
  boolean isSecure();

  /**
   * {@code request.host}: the {@code Host} header, without {@code :443} under HTTPS and {@code :80} under
   * HTTP, or the empty text when the header is missing or holds characters Werkzeug refuses.
   */
  String host();

  /** A form field's first value ({@code request.form.get(name)}), or {@code null}; none by default. */
  default String formValue(String name) {
    return null;
  }

  /** The form's field names, each once, in the order they first appear; none by default. */
  default List<String> formFieldNames() {
    return List.of();
  }
}
