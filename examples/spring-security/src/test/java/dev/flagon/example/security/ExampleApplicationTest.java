package dev.flagon.example.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The example's users are Flask-Login's (its UserLoader): Spring Boot must not add its generated in-memory
 * user, whose password it would print at startup as if the example's security needed configuring.
 */
@SpringBootTest(properties = "SECRET_KEY=" + FlaskInteropTest.KEY)
class ExampleApplicationTest {
  @Autowired ApplicationContext context;

  @Test
  void example_started_hasNoGeneratedSpringUser() {
    assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
  }
}
