package dev.flagon.demo;

import dev.flagon.CookieFormat;
import dev.flagon.Flagon;
import dev.flagon.SessionInterface;

/**
 * What the session cookie carries, so that the cookie page tells the truth about it in every mode the demo
 * runs in ({@code FLAGON_SESSION_FORMAT}, {@code --redis}): only Flask's signed cookie is readable by anyone.
 */
enum CookieKind {
  SIGNED("A Flask session cookie is <strong>signed, not encrypted</strong>. Anyone who holds it can read it, as"
      + " this page does <em>without the secret key</em>; the signature only stops them from changing it. Keep"
      + " nothing private in a session.",
      "Checked with the key", "The signature is valid.", "the signature is wrong or the cookie has expired"),
  ENCRYPTED("This server's session cookies are <strong>encrypted</strong> (<code>SESSION_FORMAT</code>): only a"
      + " holder of the secret key can read or change them, so this page cannot decode them without it.",
      "Checked with the key", "The cookie decrypts with the key.",
      "the cookie does not decrypt with the key or has expired"),
  SERVER_SIDE("This server keeps its sessions in a store (<code>SESSION_TYPE</code>): the cookie carries only a"
      + " random session id, and the session's data never leaves the server.",
      "Checked by the server", "The store holds a session for this id.", "the store has no session for this id");

  final String intro;
  final String heading;
  final String accepted;
  final String rejected;

  CookieKind(String intro, String heading, String accepted, String rejected) {
    this.intro = intro;
    this.heading = heading;
    this.accepted = accepted;
    this.rejected = rejected;
  }

  /** Flagon is the cookie itself, signed or sealed as its format says; any other interface keeps a store. */
  static CookieKind of(SessionInterface sessions) {
    if (sessions instanceof Flagon flagon) {
      return CookieFormat.SIGNED.equals(flagon.config().sessionFormat()) ? SIGNED : ENCRYPTED;
    }
    return SERVER_SIDE;
  }
}
