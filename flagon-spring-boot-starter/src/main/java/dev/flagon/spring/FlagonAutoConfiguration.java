package dev.flagon.spring;

import dev.flagon.Flagon;
import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Session;
import dev.flagon.SessionInterface;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A Flask-compatible session in a servlet web application: a {@link FlagonConfig} from Flask-named,
 * {@code FLAGON_} and {@code flagon.*} properties and {@link FlagonConfigCustomizer} beans, a {@link Flagon}
 * as the {@link SessionInterface} (a bean of yours, a server-side store say, replaces it), the
 * {@link FlagonFilter}, and a {@link Session} controller parameter. Off with {@code flagon.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(FlagonFilter.class)
@ConditionalOnBooleanProperty(name = "flagon.enabled", matchIfMissing = true)
public class FlagonAutoConfiguration {
  /** The filter's order: early, as Spring Session's, so that later filters (Spring Security's) see the session. */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

  /** The name of the filter registration bean; define a bean of this name to register the filter yourself. */
  public static final String FILTER_REGISTRATION_BEAN = "flagonFilterRegistration";

  @Bean
  @ConditionalOnMissingBean(value = {FlagonConfig.class, SessionInterface.class},
      ignoredType = "dev.flagon.redis.RedisSessionInterface") // flagon-redis's sessions are built from it
  FlagonConfig flagonConfig(Environment environment, ObjectProvider<FlagonConfigCustomizer> customizers) {
    SpringSettings.refuseUnknown(environment);
    return SpringSettings.build(environment, FlagonSettings.all(), settings -> {
      FlagonConfig.Builder builder = FlagonConfig.builder().putAll(settings);
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      return builder.build();
    });
  }

  @Bean
  @ConditionalOnMissingBean(SessionInterface.class)
  Flagon flagon(FlagonConfig config) {
    return Flagon.create(config);
  }

  @Bean(FILTER_REGISTRATION_BEAN)
  @ConditionalOnMissingBean(name = FILTER_REGISTRATION_BEAN)
  FilterRegistrationBean<FlagonFilter> flagonFilterRegistration(SessionInterface sessions, Environment environment) {
    FilterRegistrationBean<FlagonFilter> registration = new FilterRegistrationBean<>(SpringSettings.value(environment,
        SpringSettings.HTTP_SESSION_VIEW) ? FlagonFilter.withHttpSessionView(sessions) : new FlagonFilter(sessions));
    registration.setName("flagonFilter");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    registration.setAsyncSupported(true);
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /** On Jetty, the {@code Cookie} header as sent: its header cache ignores case by default (docs/security.md). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.jetty.ConfigurableJettyWebServerFactory")
  static class JettyHeaderCache {
    @Bean
    WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory> flagonJettyHeaderCache() {
      return factory -> factory.addServerCustomizers(server -> Stream.of(server.getConnectors())
          .map(connector -> connector.getConnectionFactory(HttpConnectionFactory.class)).filter(Objects::nonNull)
          .forEach(http -> http.getHttpConfiguration().setHeaderCacheCaseSensitive(true)));
    }
  }

  /** The {@link Session} controller parameter, when the application uses Spring MVC. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(WebMvcConfigurer.class)
  static class SessionArgument implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
      resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Session.class;
    }

    @Override
    public Session resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
        NativeWebRequest request, WebDataBinderFactory binders) {
      return FlagonFilter.session(Objects.requireNonNull(request.getNativeRequest(ServletRequest.class),
          "A Flagon Session parameter needs a servlet request"));
    }
  }
}
