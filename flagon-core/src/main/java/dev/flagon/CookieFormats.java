package dev.flagon;

import java.util.List;
import java.util.Map;

/**
 * The cookie formats on the class path: core's {@value CookieFormat#SIGNED}, then each
 * {@link CookieFormat.Provider} that {@link java.util.ServiceLoader} finds, loaded once. {@code SESSION_FORMAT}
 * may name any of them; a name that a Flagon module would bring, without that module, fails when the
 * configuration is built with one line naming the module to add.
 */
final class CookieFormats {
  private static final NamedProviders<CookieFormat.Provider> PROVIDERS = new NamedProviders<>(
      CookieFormat.Provider.class, CookieFormat.SIGNED, CookieFormat.Provider::names, CookieFormat.Provider::settings,
      Map.of("dev.flagon:flagon-encrypted", List.of("encrypted", "encrypted-migrate")), "cookie formats");

  private CookieFormats() {}

  /** Every format's name, {@code signed} first. */
  static List<String> names() {
    return PROVIDERS.names();
  }

  /** The settings rows of every provider, each once. */
  static List<Setting<?>> settings() {
    return PROVIDERS.settings();
  }

  /** What {@code SESSION_FORMAT} may be, for its messages: naming the module of each missing name. */
  static String expected() {
    return PROVIDERS.expected();
  }

  /** The configured format, built for this configuration. */
  static CookieFormat create(FlagonConfig config) {
    String name = config.sessionFormat();
    CookieFormat.Provider provider = PROVIDERS.provider(name);
    return provider == null ? CookieFormat.signed(config) : provider.create(name, config);
  }
}
