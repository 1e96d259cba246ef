package dev.flagon.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A {@link RequestView} built in tests; immutable, with withers. */
record TestRequest(String method, Map<String, String> headers, Map<String, String> cookies, String remoteAddress,
    boolean isSecure, String host, List<List<String>> form) implements RequestView {

  static TestRequest get() {
    return new TestRequest("GET", Map.of(), Map.of(), "127.0.0.1", false, "localhost", List.of());
  }

  TestRequest withMethod(String method) {
    return new TestRequest(method, headers, cookies, remoteAddress, isSecure, host, form);
  }

  /** Header names are kept as given and looked up case-insensitively; {@code null} removes. */
  TestRequest withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(n -> n.equalsIgnoreCase(name));
    if (value != null) {
      copy.put(name, value);
    }
    return new TestRequest(method, copy, cookies, remoteAddress, isSecure, host, form);
  }

  TestRequest withCookie(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(cookies);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return new TestRequest(method, headers, copy, remoteAddress, isSecure, host, form);
  }

  TestRequest withRemoteAddress(String address) {
    return new TestRequest(method, headers, cookies, address, isSecure, host, form);
  }

  TestRequest withSecure(boolean secure, String host) {
    return new TestRequest(method, headers, cookies, remoteAddress, secure, host, form);
  }

  TestRequest withFormField(String name, String value) {
    List<List<String>> copy = new ArrayList<>(form);
    copy.add(List.of(name, value));
    return new TestRequest(method, headers, cookies, remoteAddress, isSecure, host, copy);
  }

  @Override
  public String header(String name) {
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return entry.getValue();
      }
    }
    return null;
  }

  @Override
  public String cookie(String name) {
    return cookies.get(name);
  }

  @Override
  public String formValue(String name) {
    return form.stream().filter(pair -> pair.get(0).equals(name)).map(pair -> pair.get(1)).findFirst()
        .orElse(null);
  }

  @Override
  public List<String> formFieldNames() {
    return form.stream().map(pair -> pair.get(0)).distinct().toList();
  }
}
