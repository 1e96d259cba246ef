/**
 * {@code SESSION_TYPE=redis} in a Spring Boot application that uses flagon-spring-boot-starter:
 * {@link dev.flagon.redis.spring.FlagonRedisAutoConfiguration}. Needs the starter (and, to share the
 * application's Redis client, Spring Data Redis), optional dependencies of this module.
 */
package dev.flagon.redis.spring;
