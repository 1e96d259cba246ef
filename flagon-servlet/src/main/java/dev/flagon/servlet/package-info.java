/** Flagon for Jakarta Servlet 6: {@link dev.flagon.servlet.FlagonFilter} keeps a Flask-compatible session. */
package dev.flagon.servlet;
