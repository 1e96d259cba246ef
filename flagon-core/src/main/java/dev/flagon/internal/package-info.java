/**
 * Helpers of the core that are not API: how setting values are read from typed values and text, the
 * {@code Cookie} header scan, cookie attributes, how the session cookie is carried (one cookie, or split),
 * the one HTTP-date writer, Python's whitespace rule and the bounded inflater. Exported to
 * {@code dev.flagon.encrypted} only (for the bounded inflater); no user module can use it.
 */
package dev.flagon.internal;
