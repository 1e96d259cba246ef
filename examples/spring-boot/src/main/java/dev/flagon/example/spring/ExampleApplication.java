package dev.flagon.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Flask's session example on Spring Boot: the Flagon starter keeps {@code user_id} in a cookie that a
 * Flask app with the same {@code SECRET_KEY} reads and writes too. Listens on port 5000, as Flask does.
 *
 * <p>Start it as {@code examples/spring-boot/README.md} says: package, then
 * {@code FLAGON_SECRET_KEY=$(openssl rand -hex 32) java -jar target/flagon-example-spring-boot.jar}.
 */
@SpringBootApplication
public class ExampleApplication {

  /** Starts the app; Spring Boot arguments such as {@code --server.port=8080} apply. */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }
}
