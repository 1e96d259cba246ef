/**
 * Flask-Login 0.6.3 and Flask-WTF 1.3.0 for Flagon sessions: the login a Flask app keeps in its session
 * ({@code _user_id}, {@code _fresh}, {@code _id}, {@code _remember}, {@code _remember_seconds}), its
 * {@code remember_token} cookie, and CSRF tokens, all exactly as the Python packages write and check them.
 *
 * <p>An integration builds a {@link dev.flagon.login.LoginManager} and a {@link dev.flagon.login.CsrfProtect}
 * once, and per request calls {@code begin(lifecycle, requestView)} with the request's
 * {@link dev.flagon.SessionLifecycle} (any {@link dev.flagon.SessionInterface}) and a
 * {@link dev.flagon.login.RequestView}: the remember cookie is then sent from a
 * {@link dev.flagon.SessionLifecycle.BeforeSave} hook, as Flask-Login's {@code after_request} sends it.
 * {@link dev.flagon.login.servlet.FlaskLoginFilter} and {@link dev.flagon.login.javalin.FlaskLoginPlugin} do
 * this on a servlet container and on Javalin, handing views a {@link dev.flagon.login.LoginRequest}.
 */
package dev.flagon.login;
