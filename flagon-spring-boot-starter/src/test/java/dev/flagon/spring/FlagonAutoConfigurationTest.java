package dev.flagon.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

class FlagonAutoConfigurationTest {
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class));

  @Test
  void autoConfiguration_withSecretKey_registersFilterFlagonAndSessionArgument() {
    runner.withPropertyValues("flagon.secret-key=spring-test-key-0123456789").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(FlagonConfig.class).hasSingleBean(Flagon.class)
          .hasSingleBean(WebMvcConfigurer.class);
      FilterRegistrationBean<?> registration =
          context.getBean(FlagonAutoConfiguration.FILTER_REGISTRATION_BEAN, FilterRegistrationBean.class);
      assertThat(registration.getFilter()).isInstanceOf(FlagonFilter.class);
      assertThat(registration.getOrder()).isEqualTo(FlagonAutoConfiguration.FILTER_ORDER);
      assertThat(registration.isAsyncSupported()).isTrue();
      assertThat(registration.getUrlPatterns()).isEmpty(); // Boot maps it to /*
      assertThat(registration).extracting("dispatcherTypes").asInstanceOf(
          org.assertj.core.api.InstanceOfAssertFactories.collection(DispatcherType.class))
          .containsExactlyInAnyOrder(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    });
  }

  @Test
  void autoConfiguration_disabled_addsNothing() {
    runner.withPropertyValues("flagon.enabled=false").run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(FlagonConfig.class).doesNotHaveBean(Flagon.class)
        .doesNotHaveBean(FilterRegistrationBean.class)
        .doesNotHaveBean(WebMvcConfigurer.class));
  }

  @Test
  void autoConfiguration_notAWebApplication_addsNothing() {
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(FlagonAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Flagon.class));
  }

  @Test
  void autoConfiguration_withoutSecretKey_failsAtStartupSayingHowToGenerateOne() {
    runner.run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class);

      FailureAnalysis analysis = new InvalidFlagonConfigurationException.Analyzer().analyze(failure);

      assertThat(analysis.getDescription()).contains("SECRET_KEY");
      assertThat(analysis.getAction()).contains("./flagon secret").contains("openssl rand -hex 32")
          .contains("flagon.secret-key").contains("SECRET_KEY").contains("FLAGON_SECRET_KEY")
          .contains("flagon.enabled=false");
    });
  }

  @Test
  void autoConfiguration_invalidSetting_failsAtStartupNamingIt() {
    runner.withPropertyValues("flagon.secret-key=spring-test-key-0123456789", "SESSION_COOKIE_SAMESITE=Sideways").run(context -> {
      assertThat(context).hasFailed();

      FailureAnalysis analysis = new InvalidFlagonConfigurationException.Analyzer().analyze(context.getStartupFailure());

      assertThat(analysis.getDescription()).contains("SESSION_COOKIE_SAMESITE");
      assertThat(analysis.getAction()).isEqualTo(InvalidFlagonConfigurationException.Analyzer.OTHER_ACTION);
    });
  }

  @Test
  void autoConfiguration_userFlagonBean_isUsedAndNoKeyPropertyIsNeeded() {
    runner.withUserConfiguration(UserFlagon.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(Flagon.class).doesNotHaveBean(FlagonConfig.class);
      assertThat(context.getBean(Flagon.class)).isSameAs(context.getBean(UserFlagon.class).flagon);
    });
  }

  @Test
  void autoConfiguration_userConfigBean_isUsedForFlagon() {
    runner.withUserConfiguration(UserConfig.class).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(FlagonConfig.class);
      assertThat(context.getBean(Flagon.class).config().cookieName()).isEqualTo("user_config");
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class UserFlagon {
    final Flagon flagon = Flagon.create(FlagonConfig.builder().secretKey("user-key-0123456789").build());

    @Bean
    Flagon myFlagon() {
      return flagon;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserConfig {
    @Bean
    FlagonConfig myConfig() {
      return FlagonConfig.builder().secretKey("user-key-0123456789").cookieName("user_config").build();
    }
  }
}
