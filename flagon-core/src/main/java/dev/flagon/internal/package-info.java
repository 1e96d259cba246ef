/**
 * Helpers of the core that are not API: how setting values are read from typed values and text, the
 * {@code Cookie} header scan, cookie attributes, and how the session cookie is carried (one cookie, or
 * split). Not exported by {@code module-info}; nothing outside {@code dev.flagon.core} can use it.
 */
package dev.flagon.internal;
