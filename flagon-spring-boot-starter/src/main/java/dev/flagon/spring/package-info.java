/**
 * Flagon for Spring Boot: {@link dev.flagon.spring.FlagonAutoConfiguration} keeps a Flask-compatible
 * session, configured from the core's settings table and {@link dev.flagon.spring.FlagonConfigCustomizer}.
 */
package dev.flagon.spring;
