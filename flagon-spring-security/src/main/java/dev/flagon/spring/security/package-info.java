/**
 * Flask-Login and Flask-WTF for Spring Security, over the Flagon session: a Flask login is the
 * {@code Authentication} ({@link dev.flagon.spring.security.FlaskLoginSecurityContextRepository}), Spring
 * Security's logout is {@code logout_user}, and Spring's CSRF protection speaks Flask-WTF's tokens
 * ({@link dev.flagon.spring.security.FlaskWtfCsrfTokenRepository},
 * {@link dev.flagon.spring.security.FlaskWtfCsrfTokenRequestHandler}). One line wires them into a filter
 * chain: {@link dev.flagon.spring.security.FlaskLoginConfigurer#flaskLogin()}.
 */
package dev.flagon.spring.security;
