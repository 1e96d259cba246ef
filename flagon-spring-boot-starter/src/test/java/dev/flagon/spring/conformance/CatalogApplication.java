package dev.flagon.spring.conformance;

import dev.flagon.spring.FlagonConfigCustomizer;
import dev.flagon.testing.RequestClock;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The conformance app: Flask's route catalog on the starter, configured like any Spring Boot app (Flask's
 * names as properties), with one test-only addition: a per-request clock for the recorded {@code now}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CatalogController.class)
class CatalogApplication {

  @Bean
  FlagonConfigCustomizer requestClock() {
    return builder -> builder.clock(new RequestClock());
  }

  @Bean
  FilterRegistrationBean<?> requestClockFilter() {
    Filter holdClock = (request, response, chain) -> {
      RequestClock.hold(((HttpServletRequest) request).getHeader(RequestClock.HEADER));
      try {
        chain.doFilter(request, response);
      } finally {
        RequestClock.hold(null);
      }
    };
    FilterRegistrationBean<?> registration = new FilterRegistrationBean<>(holdClock);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before Flagon's filter opens the session
    return registration;
  }
}
