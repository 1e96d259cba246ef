package dev.flagon.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one-line JSON object {@code flagon verify --format json} prints. Key order is part of the contract.
 * Non-ASCII is escaped so that the bytes do not depend on the platform's output encoding.
 */
final class VerifyReport {
  private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private VerifyReport() {}

  /** {@code {"ok":true,"tagged_json":"...","signed_at":N}} */
  static String accepted(String taggedJson, long signedAt) {
    return write(json -> {
      json.writeBooleanField("ok", true);
      json.writeStringField("tagged_json", taggedJson);
      json.writeNumberField("signed_at", signedAt);
    });
  }

  /** {@code {"ok":false,"error":"<itsdangerous class>","message":"..."}} */
  static String rejected(String error, String message) {
    return write(json -> {
      json.writeBooleanField("ok", false);
      json.writeStringField("error", error);
      json.writeStringField("message", message);
    });
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static String write(Fields fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }
}
