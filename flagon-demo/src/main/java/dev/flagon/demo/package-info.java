/**
 * Runnable examples of Flagon on embedded Jetty 12.
 *
 * <p>{@link dev.flagon.demo.DemoApp} is Flask's session example (log in, log out, flash messages, a page
 * that decodes the cookie without the key). {@link dev.flagon.demo.ConformanceServer} serves the route
 * catalog of the HTTP vectors so that any client can compare Flagon with Flask byte for byte.
 */
package dev.flagon.demo;
