/**
 * Flagon for Spring Boot: auto-configuration that keeps a Flask-compatible session in a signed cookie
 * ({@link dev.flagon.spring.FlagonAutoConfiguration}), which reads the core's settings table by Flask name,
 * {@code FLAGON_} name and {@code flagon.*} property, and a hook for code-only settings
 * ({@link dev.flagon.spring.FlagonConfigCustomizer}).
 */
package dev.flagon.spring;
