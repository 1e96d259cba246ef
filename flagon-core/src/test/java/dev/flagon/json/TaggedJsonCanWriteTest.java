package dev.flagon.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** canWrite answers for the value itself what dumps does: same types taken, same refused. */
class TaggedJsonCanWriteTest {
  private static final TaggedJson JSON = TaggedJson.standard();

  record Point(int x, int y) {}

  private static final List<Object> WRITABLE = Arrays.asList(
      null, "text", new StringBuilder("builder"), Markup.of("<b>"), true, 1, 2L, (short) 3, (byte) 4,
      BigInteger.TEN.pow(30), 1.5, 2.5f, new BigDecimal("1.10"), new byte[] {1}, UUID.randomUUID(),
      Instant.EPOCH, OffsetDateTime.of(2024, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC),
      ZonedDateTime.of(2024, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC), LocalDateTime.of(2024, 1, 15, 12, 0),
      LocalDate.of(2024, 1, 15), List.of(1), new LinkedList<>(List.of(1)), Tuple.of(1, "a"), Map.of("k", 1),
      new TreeMap<>(Map.of(1, "int keys are written as strings")));

  private static final List<Object> REFUSED = List.of(
      new HashSet<>(List.of("secret-value")), new Point(1, 2), 'c', new Object(), Optional.of(1),
      new int[] {1}, new Object[] {1}, java.time.Duration.ofSeconds(1), java.time.LocalTime.NOON);

  @Test
  void canWrite_everyDocumentedType_isTrueAndDumpsWritesIt() {
    for (Object value : WRITABLE) {
      assertThat(JSON.canWrite(value)).as("%s", value == null ? null : value.getClass()).isTrue();
      assertThat(JSON.dumps(value)).isNotEmpty();
    }
  }

  @Test
  void canWrite_otherTypes_isFalseAndDumpsRefusesThem() {
    for (Object value : REFUSED) {
      assertThat(JSON.canWrite(value)).as("%s", value.getClass()).isFalse();
      assertThatThrownBy(() -> JSON.dumps(value)).isInstanceOf(TaggedJsonException.class);
    }
  }

  @Test
  void canWrite_containers_doNotLookInside() {
    List<Object> holdsASet = new ArrayList<>(List.of(new HashSet<>()));
    assertThat(JSON.canWrite(holdsASet)).isTrue();
    assertThat(JSON.canWrite(Map.of("s", new HashSet<>()))).isTrue();
  }

  @Test
  void canWrite_typeOfARegisteredCustomTag_isTrueOnlyForThatSerializer() {
    TaggedJson withPoints = TaggedJson.builder().register(new CustomJsonTagTest.PointTag(" p")).build();
    int[] point = {3, 4};

    assertThat(withPoints.canWrite(point)).isTrue();
    assertThat(withPoints.dumps(point)).isEqualTo("{\" p\":{\" t\":[3,4]}}");
    assertThat(JSON.canWrite(point)).isFalse();
    assertThat(withPoints.canWrite(new HashSet<>())).isFalse();
  }
}
