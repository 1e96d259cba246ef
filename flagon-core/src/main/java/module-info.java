/**
 * Flagon core: Flask-compatible signed cookie sessions.
 *
 * <p>{@code dev.flagon} holds the session model, configuration and the open/save rules;
 * {@code dev.flagon.codec} the itsdangerous signing layer; {@code dev.flagon.json} Flask's tagged JSON;
 * {@code dev.flagon.internal} helpers, not exported.
 */
module dev.flagon.core {
  requires com.fasterxml.jackson.core;

  exports dev.flagon;
  exports dev.flagon.codec;
  exports dev.flagon.json;
}
