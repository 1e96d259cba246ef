package dev.flagon.spring;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
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
 * <p>Each row of the core's settings table ({@link dev.flagon.FlagonSettings}) comes from, lowest
 * precedence first: a property with Flask's exact name ({@code SECRET_KEY}, {@code SESSION_COOKIE_SECURE},
 * ... in any property source, environment variables included), the same name prefixed {@code FLAGON_}
 * ({@code FLAGON_SECRET_KEY}), its {@code flagon.*} property ({@code flagon.cookie.secure}), then
 * {@link FlagonConfigCustomizer} beans. Every value is read by the row's own parser, as from every other
 * entry point, and an unknown {@code flagon.*} property fails at startup. Define a {@link FlagonConfig}
 * or {@link Flagon} bean to replace these.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(FlagonFilter.class)
@ConditionalOnBooleanProperty(name = "flagon.enabled", matchIfMissing = true)
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
  FlagonConfig flagonConfig(Environment environment, ObjectProvider<FlagonConfigCustomizer> customizers) {
    try {
      SpringSettings.refuseUnknown(environment);
    } catch (IllegalArgumentException e) {
      throw new InvalidFlagonConfigurationException(e.getMessage(), false, e);
    }
    Map<String, Object> settings = SpringSettings.read(environment, FlagonSettings.all());
    try {
      FlagonConfig.Builder builder = FlagonConfig.builder().putAll(settings);
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      Object key = settings.get(FlagonSettings.SECRET_KEY.name());
      boolean keyMissing = key == null || key.toString().isEmpty();
      throw new InvalidFlagonConfigurationException(e.getMessage(), keyMissing, e);
    }
  }

  @Bean
  @ConditionalOnMissingBean
  Flagon flagon(FlagonConfig config) {
    return Flagon.create(config);
  }

  @Bean(FILTER_REGISTRATION_BEAN)
  @ConditionalOnMissingBean(name = FILTER_REGISTRATION_BEAN)
  FilterRegistrationBean<FlagonFilter> flagonFilterRegistration(Flagon flagon, Environment environment) {
    boolean httpSessionView;
    try {
      httpSessionView = SpringSettings.value(environment, SpringSettings.HTTP_SESSION_VIEW);
    } catch (IllegalArgumentException e) {
      throw new InvalidFlagonConfigurationException(e.getMessage(), false, e);
    }
    FlagonFilter filter = httpSessionView
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
