/**
 * Flagon for Spring Boot: auto-configuration that keeps a Flask-compatible session in a signed cookie
 * ({@link dev.flagon.spring.FlagonAutoConfiguration}), its {@code flagon.*} properties
 * ({@link dev.flagon.spring.FlagonProperties}) and a hook for code-only settings
 * ({@link dev.flagon.spring.FlagonConfigCustomizer}).
 */
package dev.flagon.spring;
