package dev.flagon.redis;

import java.util.Locale;

/** Flask-Session's {@code SESSION_SERIALIZATION_FORMAT}: how a session's data is stored in Redis. */
public enum SerializationFormat {
  /** msgspec's MessagePack, Flask-Session's default. */
  MSGPACK("msgpack"),
  /** msgspec's JSON. */
  JSON("json");

  private final String flaskName;

  SerializationFormat(String flaskName) {
    this.flaskName = flaskName;
  }

  /** The setting's value in Flask: {@code msgpack} or {@code json}. */
  public String flaskName() {
    return flaskName;
  }

  /**
   * The format of a setting's value, in any case.
   *
   * @throws IllegalArgumentException if it is neither {@code msgpack} nor {@code json}
   */
  public static SerializationFormat fromName(String name) {
    for (SerializationFormat format : values()) {
      if (format.flaskName.equals(name.strip().toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("must be msgpack or json, not '" + name + "'");
  }
}
