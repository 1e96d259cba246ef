package dev.flagon.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Cookie} is added to {@code Vary} as a set, as Werkzeug's {@code response.vary.add} does. */
class VaryCookieTest {

  /** A response holding only headers (names compared as given: the tests use one spelling). */
  private static HttpServletResponse response(Map<String, List<String>> headers) {
    return (HttpServletResponse) Proxy.newProxyInstance(VaryCookieTest.class.getClassLoader(),
        new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getHeader" -> headers.containsKey((String) args[0]) ? headers.get((String) args[0]).get(0) : null;
          case "getHeaders" -> new ArrayList<>(headers.getOrDefault((String) args[0], List.of()));
          case "addHeader" -> headers.computeIfAbsent((String) args[0], k -> new ArrayList<>()).add((String) args[1]);
          case "setHeader" -> headers.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static List<String> varyAfterAdd(String... existing) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (existing.length > 0) {
      headers.put("Vary", new ArrayList<>(List.of(existing)));
    }
    RequestState.addVaryCookie(response(headers));
    return headers.get("Vary");
  }

  @Test
  void addVaryCookie_noVary_addsCookie() {
    assertThat(varyAfterAdd()).containsExactly("Cookie");
  }

  @Test
  void addVaryCookie_otherTokens_mergedIntoOneHeader() {
    assertThat(varyAfterAdd("Accept-Encoding", " Origin ,, Accept"))
        .containsExactly("Accept-Encoding, Origin, Accept, Cookie");
  }

  @Test
  void addVaryCookie_cookieAlreadyThereInAnyCase_unchanged() {
    assertThat(varyAfterAdd("Accept-Encoding", "cookie")).containsExactly("Accept-Encoding", "cookie");
    assertThat(varyAfterAdd("Origin, COOKIE")).containsExactly("Origin, COOKIE");
  }

  @Test
  void addVaryCookie_emptyOrStar_keptAsTokens() {
    assertThat(varyAfterAdd("")).containsExactly("Cookie");
    assertThat(varyAfterAdd("*")).containsExactly("*, Cookie");
  }
}
