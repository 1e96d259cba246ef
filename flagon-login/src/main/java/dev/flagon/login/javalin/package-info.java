/**
 * Flask-Login and Flask-WTF for Javalin 7, beside {@code dev.flagon.javalin.FlagonPlugin}:
 * {@link dev.flagon.login.javalin.FlaskLoginPlugin}. Needs {@code flagon-javalin}, an optional dependency of
 * this module.
 */
package dev.flagon.login.javalin;
