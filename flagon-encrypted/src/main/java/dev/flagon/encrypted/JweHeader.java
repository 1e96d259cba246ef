package dev.flagon.encrypted;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.flagon.codec.BadSignatureException;
import java.io.IOException;

/**
 * The JWE protected header Flagon writes and reads: {@code alg} {@code dir}, {@code enc} {@code A256GCM},
 * {@code kid}, Flagon's {@code iat} and {@code exp} (seconds; authenticated as the AAD, so nobody without
 * the key can move them) and {@code zip} {@code DEF} when compressed. Read before decryption, as JOSE must
 * (the key is chosen by {@code kid}), so reading is strict and bounded: a flat object, no duplicate names,
 * no {@code crit}; other names are ignored, as RFC 7515 asks.
 */
final class JweHeader {
  /** Longest encoded header read; Flagon's are about 130 characters. */
  static final int MAX_ENCODED_LENGTH = 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(20).build())
      .build();

  final String kid;
  final boolean deflated;
  /** -1 when absent: a header without times is rejected once it has been authenticated. */
  final long issuedAt;
  final long expiresAt;

  JweHeader(String kid, boolean deflated, long issuedAt, long expiresAt) {
    this.kid = kid;
    this.deflated = deflated;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /** The header's JSON text, names in a fixed order; the kid is base64url, so nothing needs escaping. */
  String toJson() {
    return "{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"kid\":\"" + kid + "\",\"iat\":" + issuedAt + ",\"exp\":"
        + expiresAt + (deflated ? ",\"zip\":\"DEF\"" : "") + "}";
  }

  /** @throws BadSignatureException if the header is not one Flagon can decrypt with */
  static JweHeader parse(byte[] json) {
    String alg = null;
    String enc = null;
    String kid = null;
    String zip = null;
    long iat = -1;
    long exp = -1;
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw malformed();
      }
      for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "alg" -> alg = text(parser, value);
          case "enc" -> enc = text(parser, value);
          case "kid" -> kid = text(parser, value);
          case "zip" -> zip = text(parser, value);
          case "iat" -> iat = seconds(parser, value);
          case "exp" -> exp = seconds(parser, value);
          case "crit" -> throw new BadSignatureException("JWE header has crit, which Flagon does not know");
          default -> parser.skipChildren(); // unknown names are ignored (RFC 7515 4)
        }
      }
      if (parser.nextToken() != null) {
        throw malformed();
      }
    } catch (IOException e) {
      throw malformed(); // jackson's message is not echoed: it may quote the input
    }
    if (!"dir".equals(alg) || !"A256GCM".equals(enc)) {
      throw new BadSignatureException("JWE header must have alg dir and enc A256GCM");
    }
    if (kid == null || (zip != null && !zip.equals("DEF"))) {
      throw new BadSignatureException("JWE header has no kid, or a zip other than DEF");
    }
    return new JweHeader(kid, zip != null, iat, exp);
  }

  private static String text(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw malformed();
    }
    return parser.getText();
  }

  private static long seconds(JsonParser parser, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || parser.getLongValue() < 0) {
      throw malformed();
    }
    return parser.getLongValue();
  }

  private static BadSignatureException malformed() {
    return new BadSignatureException("JWE header is malformed");
  }
}
