/** The Spring Security example: a Flask-Login session and Flask-WTF tokens on Spring Security. */
package dev.flagon.example.security;
