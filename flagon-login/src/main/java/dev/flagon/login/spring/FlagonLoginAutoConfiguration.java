package dev.flagon.login.spring;

import dev.flagon.FlagonConfig;
import dev.flagon.FlagonSettings;
import dev.flagon.Setting;
import dev.flagon.login.CsrfConfig;
import dev.flagon.login.CsrfProtect;
import dev.flagon.login.CsrfRequest;
import dev.flagon.login.CurrentLogin;
import dev.flagon.login.LoginConfig;
import dev.flagon.login.LoginManager;
import dev.flagon.login.LoginSettings;
import dev.flagon.login.UserLoader;
import dev.flagon.login.servlet.FlaskLoginFilter;
import dev.flagon.servlet.FlagonFilter;
import dev.flagon.spring.FlagonAutoConfiguration;
import dev.flagon.spring.SpringSettings;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Flask-Login and Flask-WTF CSRF over the Flagon session, when flagon-login is on the classpath and the
 * application declares a {@link UserLoader} bean: a {@link LoginManager}, a {@link CsrfProtect}, the
 * {@link FlaskLoginFilter} that begins every request's login, the per-request {@link FlagonLogins}, and
 * {@link CurrentLogin} and {@link CsrfRequest} controller parameters.
 * Settings ({@code SESSION_PROTECTION}, {@code REMEMBER_COOKIE_*}, {@code WTF_CSRF_*}) are read as every
 * Flagon setting is: Flask name, {@code FLAGON_} name or {@code flagon.login.*} / {@code flagon.csrf.*}
 * property. A bean of yours of any of these types replaces the one made here. Registered by this module's
 * {@code META-INF/spring}, after the starter's auto-configuration; the starter and Spring MVC are optional
 * dependencies of flagon-login.
 */
// By name: the starter and the servlet filter are optional dependencies of this module.
@AutoConfiguration(afterName = "dev.flagon.spring.FlagonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"dev.flagon.spring.FlagonAutoConfiguration", "dev.flagon.servlet.FlagonFilter"})
@ConditionalOnBooleanProperty(name = "flagon.enabled", matchIfMissing = true)
@ConditionalOnBean(UserLoader.class)
public class FlagonLoginAutoConfiguration {
  /** The name of the {@link FlaskLoginFilter} registration bean; a bean of yours of this name replaces it. */
  public static final String LOGIN_FILTER_REGISTRATION_BEAN = "flaskLoginFilterRegistration";

  @Bean
  @ConditionalOnMissingBean(LoginManager.class)
  LoginManager<?> flagonLoginManager(UserLoader<?> users, Environment environment,
      ObjectProvider<FlagonConfig> flagonConfig) {
    return LoginManager.create(build(environment, LoginConfig::fromMap), users, clock(flagonConfig));
  }

  @Bean
  @ConditionalOnMissingBean
  CsrfProtect flagonCsrfProtect(Environment environment, ObjectProvider<FlagonConfig> flagonConfig) {
    return CsrfProtect.create(build(environment, CsrfConfig::fromMap), clock(flagonConfig));
  }

  @Bean
  @ConditionalOnMissingBean
  FlagonLogins flagonLogins(LoginManager<?> manager, CsrfProtect csrf) {
    return new FlagonLogins(manager, csrf);
  }

  /**
   * Flask-Login's {@code init_app}: {@link FlaskLoginFilter} right after {@link FlagonFilter}, on the same
   * paths and dispatcher types, begins every request's login, so its remember cookie step runs on every
   * response as Flask-Login's {@code after_request} does; {@link FlagonLogins} hands out that login.
   */
  @Bean(LOGIN_FILTER_REGISTRATION_BEAN)
  @ConditionalOnMissingBean(name = LOGIN_FILTER_REGISTRATION_BEAN)
  FilterRegistrationBean<FlaskLoginFilter> flaskLoginFilterRegistration(LoginManager<?> manager, CsrfProtect csrf,
      ListableBeanFactory beans) {
    FilterRegistrationBean<FlaskLoginFilter> registration =
        new FilterRegistrationBean<>(new FlaskLoginFilter(manager, csrf));
    registration.setName("flaskLoginFilter");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    registration.setAsyncSupported(true);
    registration.setOrder(FlagonAutoConfiguration.FILTER_ORDER + 1);
    String flagonName = FlagonAutoConfiguration.FILTER_REGISTRATION_BEAN;
    // Follow the FlagonFilter registration (an application's own, say): never reach past its paths.
    if (beans.containsBean(flagonName)
        && beans.getBean(flagonName) instanceof AbstractFilterRegistrationBean<?> flagon) {
      registration.setUrlPatterns(flagon.getUrlPatterns());
      registration.setServletNames(flagon.getServletNames());
      registration.setOrder(flagon.getOrder() + 1);
      registration.setEnabled(flagon.isEnabled());
    }
    return registration;
  }

  /** The sessions' clock (a test's fixed one, say), so that logins and CSRF tokens keep the same time. */
  private static Clock clock(ObjectProvider<FlagonConfig> flagonConfig) {
    return flagonConfig.stream().map(FlagonConfig::clock).findFirst().orElse(Clock.systemUTC());
  }

  /** One parse of the settings (the login rows and the key they fall back on), by flagon-login. */
  private static <T> T build(Environment environment, Function<Map<String, Object>, T> fromMap) {
    return SpringSettings.build(environment,
        Stream.concat(Stream.of(FlagonSettings.SECRET_KEY), LoginSettings.all().stream()).toList(), fromMap);
  }

  /** The login rows, whose {@code flagon.*} properties the starter learns from META-INF/spring.factories. */
  static final class Rows implements SpringSettings.Rows {
    @Override
    public List<Setting<?>> get() {
      return LoginSettings.all();
    }
  }

  /** The {@link CurrentLogin} and {@link CsrfRequest} controller parameters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(WebMvcConfigurer.class)
  static class LoginArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {
    private final FlagonLogins logins;

    LoginArguments(FlagonLogins logins) {
      this.logins = logins;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
      resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == CurrentLogin.class || parameter.getParameterType() == CsrfRequest.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
        NativeWebRequest request, WebDataBinderFactory binders) {
      HttpServletRequest servletRequest = Objects.requireNonNull(
          request.getNativeRequest(HttpServletRequest.class), "Flask-Login parameters need a servlet request");
      return parameter.getParameterType() == CurrentLogin.class
          ? logins.current(servletRequest) : logins.csrf(servletRequest);
    }
  }
}
