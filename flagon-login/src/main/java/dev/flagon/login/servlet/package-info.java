/**
 * Flask-Login and Flask-WTF on a servlet container, beside {@code dev.flagon.servlet.FlagonFilter}:
 * {@link dev.flagon.login.servlet.FlaskLoginFilter} and a {@link dev.flagon.login.RequestView} over a servlet
 * request. Needs {@code flagon-servlet} and the Servlet API, optional dependencies of this module.
 */
package dev.flagon.login.servlet;
