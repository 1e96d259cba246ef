/**
 * Flagon for Javalin 7: {@link dev.flagon.javalin.FlagonPlugin} opens the Flask-compatible session lazily
 * and saves it after every request, so a Javalin app and a Flask app can share one session.
 */
package dev.flagon.javalin;
