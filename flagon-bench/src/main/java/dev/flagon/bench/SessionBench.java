package dev.flagon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flagon.codec.UrlSafeTimedSerializer;
import dev.flagon.json.TaggedJson;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The session hot path, one benchmark per step a request pays, for the three sessions of
 * {@code sessions.json}:
 *
 * <ul>
 *   <li>{@code flagonDumps} / {@code flagonLoads}: what {@code Flagon.save} / {@code Flagon.open} do with
 *       a session: tagged JSON + the URL-safe timed serializer (zlib when it saves two bytes, HMAC-SHA1).
 *   <li>{@code floorHmac}: the physical floor, JDK HMAC-SHA1 with a reused {@link Mac} over the bytes the
 *       cookie signs.
 *   <li>{@code floorFormatDumps}: the format's own floor for a dump: one zlib compression of the same JSON
 *       (a reused {@link Deflater}, level 6) plus the reused HMAC.
 *   <li>{@code floorFormatLoads}: the format's own floor for a load: the reused HMAC plus, for a
 *       compressed cookie, one inflate of its zlib bytes (a reused {@link Inflater}): what a load costs with
 *       a JSON reader that takes no time.
 *   <li>{@code jjwtBuild} / {@code jjwtParse}: jjwt 0.13 HS256 over the same JSON document as claims (plus
 *       {@code iat}, as the cookie carries its signing time), with a parser built once.
 * </ul>
 *
 * Setup checks that Flagon reproduces Flask's cookie byte for byte before anything is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SessionBench {
  @Param({"small", "medium", "large"})
  public String size;

  private TaggedJson json;
  private UrlSafeTimedSerializer serializer;
  private long timestamp;
  private Object session;
  private String cookie;

  private Mac mac;
  private byte[] signedBytes;
  private Deflater deflater;
  private byte[] jsonBytes;
  private byte[] deflateBuffer;
  private Inflater inflater;
  private byte[] zlibBytes;
  private byte[] inflateBuffer;

  private SecretKey jwtKey;
  private Map<String, Object> claims;
  private JwtParser jwtParser;
  private String jwt;

  @Setup
  public void setUp() throws Exception {
    BenchSessions sessions = BenchSessions.load();
    json = TaggedJson.standard();
    serializer = sessions.serializer();
    timestamp = sessions.timestamp;
    session = sessions.value(size);
    cookie = sessions.cookie(size);
    String dumped = flagonDumps();
    if (!dumped.equals(cookie)) {
      throw new IllegalStateException("Flagon's " + size + " cookie differs from Flask's:\n" + dumped + "\n" + cookie);
    }
    if (!flagonLoads().equals(session)) {
      throw new IllegalStateException("Flagon does not load back its " + size + " session");
    }

    mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(derivedKey(sessions.secretKey), "HmacSHA1"));
    signedBytes = cookie.substring(0, cookie.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    deflater = new Deflater(6, false);
    jsonBytes = sessions.taggedJson(size).getBytes(StandardCharsets.UTF_8);
    deflateBuffer = new byte[jsonBytes.length + 64];
    inflater = new Inflater(false);
    if (cookie.startsWith(".")) {
      zlibBytes = Base64.getUrlDecoder().decode(cookie.substring(1, cookie.indexOf('.', 1)));
      inflateBuffer = new byte[jsonBytes.length + 64];
      if (inflate() != jsonBytes.length) {
        throw new IllegalStateException("the " + size + " cookie does not inflate to its JSON");
      }
    }

    byte[] jwtSecret = new byte[32]; // HS256 wants a 256-bit key
    for (int i = 0; i < jwtSecret.length; i++) {
      jwtSecret[i] = (byte) (31 * i + 7);
    }
    jwtKey = new SecretKeySpec(jwtSecret, "HmacSHA256");
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = new ObjectMapper().readValue(sessions.taggedJson(size), Map.class);
    claims = plain;
    jwtParser = Jwts.parser().verifyWith(jwtKey).build();
    jwt = jjwtBuild();
    if (!jjwtParse().get("iat", Date.class).equals(new Date(timestamp * 1000))) {
      throw new IllegalStateException("jjwt does not parse back its own token");
    }
  }

  /** Flask's signing key: HMAC-SHA1(SECRET_KEY, "cookie-session"). */
  static byte[] derivedKey(String secretKey) throws GeneralSecurityException {
    Mac derive = Mac.getInstance("HmacSHA1");
    derive.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return derive.doFinal("cookie-session".getBytes(StandardCharsets.US_ASCII));
  }

  @Benchmark
  public String flagonDumps() {
    return serializer.dumps(json.dumps(session), timestamp);
  }

  @Benchmark
  public Object flagonLoads() {
    return json.loads(serializer.loads(cookie, timestamp, 31L * 24 * 3600).payload());
  }

  @Benchmark
  public byte[] floorHmac() {
    return mac.doFinal(signedBytes);
  }

  @Benchmark
  public byte[] floorFormatDumps() {
    deflater.reset();
    deflater.setInput(jsonBytes);
    deflater.finish();
    int n = deflater.deflate(deflateBuffer);
    deflateBuffer[0] ^= (byte) n; // keep the length live
    return mac.doFinal(signedBytes);
  }

  @Benchmark
  public byte[] floorFormatLoads() throws DataFormatException {
    if (zlibBytes != null) {
      inflateBuffer[0] ^= (byte) inflate(); // keep the length live
    }
    return mac.doFinal(signedBytes);
  }

  private int inflate() throws DataFormatException {
    inflater.reset();
    inflater.setInput(zlibBytes);
    return inflater.inflate(inflateBuffer);
  }

  @Benchmark
  public String jjwtBuild() {
    return Jwts.builder()
        .claims(claims)
        .issuedAt(new Date(timestamp * 1000))
        .signWith(jwtKey, Jwts.SIG.HS256)
        .compact();
  }

  @Benchmark
  public Claims jjwtParse() {
    return jwtParser.parseSignedClaims(jwt).getPayload();
  }

  /** The sizes of one session's representations, for the report: JSON, Flask cookie, jjwt token. */
  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder("{");
    for (String s : BenchSessions.SIZES) {
      SessionBench bench = new SessionBench();
      bench.size = s;
      bench.setUp();
      out.append(out.length() > 1 ? "," : "").append('"').append(s).append("\":{\"json_bytes\":")
          .append(bench.jsonBytes.length).append(",\"cookie_bytes\":").append(bench.cookie.length())
          .append(",\"compressed\":").append(bench.cookie.startsWith("."))
          .append(",\"jwt_bytes\":").append(bench.jwt.length()).append('}');
    }
    System.out.println(out.append('}'));
  }
}
