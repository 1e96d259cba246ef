package dev.flagon.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flagon.json.NvValues;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Flagon's serializer against live msgspec 0.22, over generated values, both formats, both directions:
 * the bytes Flagon writes are the bytes msgspec writes for the same Python value (or both refuse it), and
 * what Flagon reads from msgspec's bytes is what msgspec reads. Then over damaged bytes: whenever msgspec
 * refuses them Flagon does too, and whenever msgspec reads them Flagon reads the same value, or refuses
 * for one of its documented reasons (non-string keys, extension types).
 */
class MsgspecDifferentialIT {
  private static final HexFormat HEX = HexFormat.of();
  private static MsgspecOracle oracle;

  /** Started on first use, so that a missing interpreter skips (or, under CI, fails) each property. */
  private static synchronized MsgspecOracle oracle() {
    if (oracle == null) {
      oracle = MsgspecOracle.start();
    }
    return oracle;
  }

  @AfterContainer
  static void stopOracle() {
    if (oracle != null) {
      oracle.close();
    }
  }

  @Provide
  Arbitrary<Map<String, Object>> sessions() {
    return SessionValues.sessions();
  }

  @Property(tries = 400)
  void encode_generatedSession_bytesAsMsgspecWritesThemAndReadAsMsgspecReadsThem(
      @ForAll("sessions") Map<String, Object> session) {
    Map<String, Object> python = oracle().encodeNv(NvJson.of(session));
    for (SerializationFormat format : SerializationFormat.values()) {
      MsgSpecSerializer serializer = MsgSpecSerializer.of(format);
      byte[] expected = MsgspecOracle.bytes(python, format);
      if (expected == null) {
        assertThatThrownBy(() -> serializer.encode(session))
            .as("msgspec refused it (%s)", MsgspecOracle.error(python, format))
            .isInstanceOf(SessionDataException.class);
        continue;
      }
      assertThat(HEX.formatHex(serializer.encode(session))).as(format.flaskName()).isEqualTo(HEX.formatHex(expected));
      Map<String, Object> read = oracle().decode(format, expected);
      Map<String, Object> decoded = serializer.decode(expected);
      assertThat(NvValues.structurallyEqual(NvValues.fromNv(read.get("nv")), decoded))
          .as("%s: msgspec read %s, Flagon %s", format.flaskName(), read.get("nv"), NvValues.describe(decoded))
          .isTrue();
    }
  }

  @Provide
  Arbitrary<byte[]> damaged() {
    return Combinators.combine(SessionValues.sessions(), Arbitraries.of(SerializationFormat.values()), Arbitraries.longs())
        .as((session, format, seed) -> damage(session, format, new Random(seed)));
  }

  /** A session's bytes, truncated, with a byte replaced or a bit flipped; sometimes random bytes. */
  private static byte[] damage(Map<String, Object> session, SerializationFormat format, Random random) {
    byte[] bytes;
    try {
      bytes = MsgSpecSerializer.of(format).encode(session);
    } catch (SessionDataException e) {
      bytes = new byte[random.nextInt(16)];
      random.nextBytes(bytes);
      return bytes;
    }
    int at = random.nextInt(bytes.length);
    switch (random.nextInt(4)) {
      case 0 -> bytes = Arrays.copyOf(bytes, at);
      case 1 -> bytes[at] = (byte) random.nextInt(256);
      case 2 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
      default -> random.nextBytes(bytes);
    }
    return bytes;
  }

  @Property(tries = 400)
  void read_damagedBytes_agreesWithMsgspec(@ForAll("damaged") byte[] bytes) {
    for (SerializationFormat format : SerializationFormat.values()) {
      Map<String, Object> python = oracle().decode(format, bytes);
      Object flagon;
      try {
        flagon = format == SerializationFormat.MSGPACK ? MsgpackReader.read(bytes) : JsonReader.read(bytes);
      } catch (NotThisFormat | SessionDataException e) {
        if (python.containsKey("nv")) {
          assertThat(e.getMessage()).as("msgspec read %s; Flagon may refuse it only for a documented reason",
              python.get("nv")).containsAnyOf("not a string", "extension");
        }
        continue;
      }
      assertThat(python).as("Flagon read %s from %s, msgspec refused it", NvValues.describe(flagon),
          HEX.formatHex(bytes)).containsKey("nv");
      assertThat(NvValues.structurallyEqual(NvValues.fromNv(python.get("nv")), flagon))
          .as("msgspec read %s, Flagon %s", python.get("nv"), NvValues.describe(flagon)).isTrue();
    }
  }
}
