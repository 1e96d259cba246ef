package dev.flagon.spring;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a Flask-compatible session in a signed cookie in a servlet web application: a {@link FlagonConfig}
 * from the {@code flagon.*} properties and Flask's names, a {@link Flagon}, the {@link FlagonFilter} on every
 * request, and a {@link dev.flagon.Session} parameter for Spring MVC controllers. On unless
 * {@code flagon.enabled=false}, which leaves the application untouched.
 *
 * <p>Settings come from, lowest precedence first: a property with Flask's exact name ({@code SECRET_KEY},
 * {@code SESSION_COOKIE_SECURE}, ... in any property source, environment variables included), the same
 * name prefixed {@code FLAGON_} ({@code FLAGON_SECRET_KEY}), the typed {@code flagon.*} property, then
 * {@link FlagonConfigCustomizer} beans. All of them reach the core's one parser,
 * {@link FlagonConfig.Builder#putAll}. Define a {@link FlagonConfig} or {@link Flagon} bean to replace
 * these.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(FlagonFilter.class)
@ConditionalOnBooleanProperty(name = "flagon.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FlagonProperties.class)
public class FlagonAutoConfiguration {

  /**
   * The filter's order: early, as Spring Session's filter, so that later filters (Spring Security's among
   * them) already see the session.
   */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  /** The name of the filter registration bean; define a bean of this name to register the filter yourself. */
  public static final String FILTER_REGISTRATION_BEAN = "flagonFilterRegistration";

  @Bean
  @ConditionalOnMissingBean({FlagonConfig.class, Flagon.class})
  FlagonConfig flagonConfig(FlagonProperties properties, Environment environment,
      ObjectProvider<FlagonConfigCustomizer> customizers) {
    Map<String, Object> settings = FlaskSettings.of(environment, properties);
    try {
      FlagonConfig.Builder builder = FlagonConfig.builder().putAll(settings);
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new InvalidFlagonConfigurationException(e.getMessage(), !FlaskSettings.hasSecretKey(settings), e);
    }
  }

  @Bean
  @ConditionalOnMissingBean
  Flagon flagon(FlagonConfig config) {
    return Flagon.create(config);
  }

  @Bean(FILTER_REGISTRATION_BEAN)
  @ConditionalOnMissingBean(name = FILTER_REGISTRATION_BEAN)
  FilterRegistrationBean<FlagonFilter> flagonFilterRegistration(Flagon flagon, FlagonProperties properties) {
    FlagonFilter filter = properties.isHttpSessionView()
        ? FlagonFilter.withHttpSessionView(flagon)
        : new FlagonFilter(flagon);
    FilterRegistrationBean<FlagonFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("flagonFilter");
    // ERROR and ASYNC too: the filter saves the session when an error page or async dispatch commits.
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    registration.setAsyncSupported(true);
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /** The {@link dev.flagon.Session} controller parameter, when the application uses Spring MVC. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(WebMvcConfigurer.class)
  static class SessionArgumentConfiguration {

    @Bean
    WebMvcConfigurer flagonSessionArgument() {
      return new WebMvcConfigurer() {
        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
          resolvers.add(new SessionArgumentResolver());
        }
      };
    }
  }
}
