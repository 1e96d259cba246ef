package dev.flagon.servlet;

import dev.flagon.FlagonConfig;
import jakarta.servlet.ServletException;
import java.util.Map;
import org.springframework.mock.web.MockFilterConfig;

/** The servlet filter as a configuration entry point: web.xml init-params over an environment. */
public final class FilterEntryPoint {
  private FilterEntryPoint() {}

  /** The configuration {@link FlagonFilter#init} reads from these init-params over this environment. */
  public static FlagonConfig config(Map<String, String> environment, Map<String, String> initParams)
      throws ServletException {
    MockFilterConfig filterConfig = new MockFilterConfig("flagon");
    initParams.forEach(filterConfig::addInitParameter);
    FlagonFilter filter = new FlagonFilter(environment);
    filter.init(filterConfig);
    return ((dev.flagon.Flagon) filter.sessions()).config();
  }
}
