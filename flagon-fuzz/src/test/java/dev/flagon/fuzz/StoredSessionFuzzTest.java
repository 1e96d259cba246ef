package dev.flagon.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flagon.json.Tuple;
import dev.flagon.redis.MsgSpecSerializer;
import dev.flagon.redis.SerializationFormat;
import dev.flagon.redis.SessionDataException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * flagon-redis's MsgSpecSerializer.decode on any stored bytes (the first byte picks msgpack or json): a
 * session, no session, or SessionDataException (PickledSessionException included), nothing else; and
 * whatever it reads, encode writes back or refuses with SessionDataException.
 */
class StoredSessionFuzzTest {
  /** The seed corpus's session: every type that crosses, in a fixed order. */
  static final Map<String, Object> SEED_SESSION = new LinkedHashMap<>();

  static {
    SEED_SESSION.put("_user_id", "42");
    SEED_SESSION.put("_fresh", true);
    SEED_SESSION.put("cart", List.of(Tuple.of("apple", 3), List.of(0.1, -7, "é")));
    SEED_SESSION.put("big", BigInteger.TWO.pow(63));
    SEED_SESSION.put("when", Instant.parse("2024-01-02T03:04:05.678901Z"));
    SEED_SESSION.put("day", LocalDate.parse("2024-01-02"));
    SEED_SESSION.put("id", UUID.fromString("12345678-1234-5678-1234-567812345678"));
    SEED_SESSION.put("raw", new byte[] {0, (byte) 0xff});
    SEED_SESSION.put("none", null);
  }

  @FuzzTest(maxDuration = "30s")
  void decode(byte[] input) {
    SerializationFormat format = Targets.mode(input) % 2 == 0 ? SerializationFormat.MSGPACK : SerializationFormat.JSON;
    MsgSpecSerializer serializer = MsgSpecSerializer.of(format);
    byte[] stored = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    Map<String, Object> session;
    try {
      session = serializer.decode(stored);
    } catch (SessionDataException expected) {
      return;
    }
    if (session == null) {
      return;
    }
    try {
      serializer.encode(session);
    } catch (SessionDataException expected) {
      // for example an integer read from JSON that MessagePack cannot hold
    }
  }
}
