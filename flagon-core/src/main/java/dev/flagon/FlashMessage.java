package dev.flagon;

/**
 * A flashed message with its category, as {@link Session#flashedMessages} gives it and Flask stores it: the
 * tuple {@code (category, message)}.
 *
 * @param category the category, {@code "message"} by default
 * @param message the message; usually a string, but any serializable value (for example Markup)
 */
public record FlashMessage(String category, Object message) {}
