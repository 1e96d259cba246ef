/**
 * Flask-Login and Flask-WTF in a Spring Boot servlet application that uses flagon-spring-boot-starter:
 * {@link dev.flagon.login.spring.FlagonLoginAutoConfiguration} and the per-request
 * {@link dev.flagon.login.spring.FlagonLogins}. Needs the starter and Spring MVC, optional dependencies of
 * this module.
 */
package dev.flagon.login.spring;
