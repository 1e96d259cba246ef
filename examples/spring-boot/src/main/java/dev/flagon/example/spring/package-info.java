/** A Spring Boot app with Flask's login example, kept in a Flask-compatible cookie by the Flagon starter. */
package dev.flagon.example.spring;
