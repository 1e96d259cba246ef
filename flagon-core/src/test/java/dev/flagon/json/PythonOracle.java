package dev.flagon.json;

import static org.assertj.core.api.Assertions.fail;

import dev.flagon.testing.Subprocess;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a batch of requests through one live {@code python3} process and returns one answer line per
 * request. Values travel as {@code [kind, data]} pairs that survive any JSON reader: strings as lists of
 * code points (so lone surrogates and non-BMP characters arrive intact), floats as hex
 * ({@code float.fromhex}), ints as decimal strings.
 *
 * <p>If {@code python3} is missing the calling test is skipped, unless the environment variable {@code CI}
 * is set: then it fails, so that CI cannot silently lose the differential check.
 */
final class PythonOracle {
  private static final String SCRIPT = String.join("\n",
      "import sys, json, base64, uuid, email.utils, datetime",
      "def dec(v):",
      "    k = v[0]",
      "    if k == 'f': return float.fromhex(v[1])",
      "    if k == 's': return ''.join(map(chr, v[1]))",
      "    if k == 'i': return int(v[1])",
      "    if k == 'l': return [dec(x) for x in v[1]]",
      "    if k == 'd': return {dec(a): dec(b) for a, b in v[1]}",
      "    if k == 'n': return None",
      "    if k == 'b': return v[1]",
      "    raise ValueError(k)",
      "def parse_date(value):  # werkzeug.http.parse_date",
      "    try: dt = email.utils.parsedate_to_datetime(value)",
      "    except (TypeError, ValueError): return None",
      "    if dt.tzinfo is None: dt = dt.replace(tzinfo=datetime.timezone.utc)",
      "    if abs(dt.utcoffset()) > datetime.timedelta(hours=18):",
      "        dt = dt.astimezone(datetime.timezone.utc)  # java.time's offset range",
      "    return dt",
      "def answer(mode, arg):",
      "    v = dec(arg)",
      "    if mode == 'dumps':",
      "        return json.dumps(v, ensure_ascii=True, separators=(',', ':'), sort_keys=True)",
      "    if mode == 'date':",
      "        d = parse_date(v)",
      "        return 'None' if d is None else d.isoformat()",
      "    if mode == 'b64': return base64.b64decode(v).hex()",
      "    if mode == 'uuid': return uuid.UUID(v).hex",
      "    raise ValueError(mode)",
      "out = []",
      "for line in sys.stdin.read().splitlines():  # read everything first: no pipe deadlock",
      "    mode, arg = json.loads(line)",
      "    try: out.append(answer(mode, arg))",
      "    except Exception as e: out.append('ERR ' + type(e).__name__)",
      "sys.stdout.write(''.join(a + '\\n' for a in out))");

  private PythonOracle() {}

  /** One answer per request; requests are {@link #request} lines. */
  static List<String> ask(List<String> requests) {
    Subprocess.Result result;
    try {
      result = Subprocess.run("python3", new ProcessBuilder("python3", "-c", SCRIPT), String.join("\n", requests),
          Duration.ofSeconds(120)).orFail();
    } catch (IOException e) {
      if (System.getenv("CI") != null) {
        fail("python3 is required when CI is set, but could not be started: " + e.getMessage());
      }
      Assumptions.abort("python3 is not available; the differential test needs it");
      throw new AssertionError("unreachable");
    }
    List<String> answers = result.out().lines().toList();
    if (answers.size() != requests.size()) {
      fail("python3 answered " + answers.size() + " of " + requests.size() + " requests: " + result.err());
    }
    return answers;
  }

  /** A request line: {@code [mode, encoded value]}. */
  static String request(String mode, Object value) {
    StringBuilder out = new StringBuilder("[\"").append(mode).append("\",");
    encode(out, value);
    return out.append(']').toString();
  }

  private static void encode(StringBuilder out, Object value) {
    if (value == null) {
      out.append("[\"n\"]");
    } else if (value instanceof Boolean flag) {
      out.append("[\"b\",").append(flag).append(']');
    } else if (value instanceof Double number) {
      out.append("[\"f\",\"").append(Double.toHexString(number)).append("\"]");
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      out.append("[\"i\",\"").append(value).append("\"]");
    } else if (value instanceof String text) {
      out.append("[\"s\",[");
      int[] codePoints = text.codePoints().toArray();
      for (int i = 0; i < codePoints.length; i++) {
        out.append(i == 0 ? "" : ",").append(codePoints[i]);
      }
      out.append("]]");
    } else if (value instanceof List<?> list) {
      out.append("[\"l\",[");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        encode(out, list.get(i));
      }
      out.append("]]");
    } else if (value instanceof Map<?, ?> map) {
      out.append("[\"d\",[");
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.append(first ? "[" : ",[");
        first = false;
        encode(out, entry.getKey());
        out.append(',');
        encode(out, entry.getValue());
        out.append(']');
      }
      out.append("]]");
    } else {
      throw new IllegalArgumentException("cannot send " + value.getClass());
    }
  }
}
