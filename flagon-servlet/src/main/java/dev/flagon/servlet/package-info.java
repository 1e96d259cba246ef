/**
 * Flagon for Jakarta Servlet 6: {@link dev.flagon.servlet.FlagonFilter} keeps a Flask-compatible session
 * in a signed cookie, so that a Java servlet application and a Flask application can share sessions.
 *
 * <p>Application code reads and writes the session with
 * {@link dev.flagon.servlet.FlagonFilter#session(jakarta.servlet.ServletRequest)}; the filter opens it from
 * the {@code Cookie} headers on first use and writes {@code Set-Cookie} and {@code Vary: Cookie} just
 * before the response commits. Existing code written against {@link jakarta.servlet.http.HttpSession} can
 * use an opt-in view instead ({@link dev.flagon.servlet.FlagonFilter#withHttpSessionView}).
 *
 * <pre>{@code
 * Flagon flagon = Flagon.create(FlagonConfig.fromEnvironment());
 * FilterHolder holder = new FilterHolder(new FlagonFilter(flagon));
 * holder.setAsyncSupported(true);
 * context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
 *
 * // in a servlet
 * Session session = FlagonFilter.session(request);
 * session.put("user_id", 12345);
 * }</pre>
 *
 * <p>Every session rule lives in {@link dev.flagon.Flagon}; this package only translates servlet requests
 * and responses. Log lines go to the {@code System.Logger} named {@code dev.flagon.servlet} and never
 * contain a cookie value.
 */
package dev.flagon.servlet;
