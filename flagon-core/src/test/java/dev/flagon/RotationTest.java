package dev.flagon;

import dev.flagon.testing.RotationContract;

/** Key rotation with Flask's signed cookies. */
class RotationTest extends RotationContract {
  RotationTest() {
    super(CookieFormat.SIGNED);
  }
}
