/**
 * Flask-style client-side sessions: {@link dev.flagon.Flagon} opens a {@link dev.flagon.Session} from the
 * request's cookies and saves it into a {@link dev.flagon.CookieUpdate}, following Flask 3.1's rules,
 * configured by {@link dev.flagon.FlagonConfig} with Flask's names and defaults.
 */
package dev.flagon;
