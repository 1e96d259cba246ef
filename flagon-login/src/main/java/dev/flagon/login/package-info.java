/**
 * Flask-Login 0.6.3 and Flask-WTF 1.3.0 for Flagon sessions: the login a Flask app keeps in its session
 * ({@code _user_id}, {@code _fresh}, {@code _id}, {@code _remember}, {@code _remember_seconds}), its
 * {@code remember_token} cookie, and CSRF tokens, all exactly as the Python packages write and check them.
 *
 * <p>Framework-free: an integration builds a {@link dev.flagon.login.LoginManager} and a
 * {@link dev.flagon.login.CsrfProtect} once, and per request calls {@code begin(session, requestView)} with
 * a {@link dev.flagon.login.RequestView} over its request; after the view it sends the
 * {@link dev.flagon.login.RememberCookie} that {@link dev.flagon.login.CurrentLogin#finish()} returns.
 */
package dev.flagon.login;
