package dev.flagon.encrypted;

import dev.flagon.testing.RotationContract;

/** Key rotation with encrypted cookies: the key ring's order, as for signed ones. */
class EncryptedRotationTest extends RotationContract {
  EncryptedRotationTest() {
    super(EncryptedFormats.ENCRYPTED);
  }
}
