package dev.flagon;

/**
 * A flashed message and its category, as {@link Session#flashedMessages} gives it: Flask's tuple
 * {@code (category, message)}.
 *
 * @param category the category, {@code "message"} by default
 * @param message the message; usually a string, but any serializable value (for example Markup)
 */
public record FlashMessage(String category, Object message) {}
