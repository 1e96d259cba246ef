package dev.flagon.spring;

import dev.flagon.Session;
import dev.flagon.servlet.FlagonFilter;
import jakarta.servlet.ServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Passes the request's Flagon {@link Session} to controller method parameters of that type. */
final class SessionArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Session.class;
  }

  @Override
  public Session resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    ServletRequest request = webRequest.getNativeRequest(ServletRequest.class);
    if (request == null) {
      throw new IllegalStateException("A Flagon Session parameter needs a servlet request");
    }
    return FlagonFilter.session(request); // opens the session on first use, as Flask does
  }
}
