package dev.flagon.servlet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagonFilterTest {

  private static FilterConfig params(Map<String, String> params) {
    return new FilterConfig() {
      @Override
      public String getFilterName() {
        return "flagon";
      }

      @Override
      public ServletContext getServletContext() {
        return null;
      }

      @Override
      public String getInitParameter(String name) {
        return params.get(name);
      }

      @Override
      public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(params.keySet());
      }
    };
  }

  @Test
  void init_withoutSecretKey_failsWithCoresMessage() {
    FlagonFilter filter = new FlagonFilter(Map.of("FLAGON_SESSION_COOKIE_NAME", "s"));

    assertThatThrownBy(() -> filter.init(params(Map.of("SESSION_COOKIE_SECURE", "true"))))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("SECRET_KEY")
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void init_invalidSessionViewFlag_fails() {
    FlagonFilter filter = new FlagonFilter(Map.of("FLAGON_SECRET_KEY", "k"));

    assertThatThrownBy(() -> filter.init(params(Map.of(FlagonFilter.HTTP_SESSION_VIEW, "yes"))))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining(FlagonFilter.HTTP_SESSION_VIEW);
  }

  @Test
  void session_requestNotFiltered_throwsNamingFilter() {
    jakarta.servlet.ServletRequest request = new jakarta.servlet.ServletRequestWrapper(
        (jakarta.servlet.ServletRequest) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {jakarta.servlet.ServletRequest.class},
            (proxy, method, args) -> null));

    assertThatThrownBy(() -> FlagonFilter.session(request))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FlagonFilter");
  }
}
