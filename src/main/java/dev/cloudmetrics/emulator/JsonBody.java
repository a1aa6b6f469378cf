package dev.cloudmetrics.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Answers written straight out with Jackson's streaming generator: no tree of a large answer in
 * memory, and no ObjectMapper to set up (30 ms of a {@code --sandbox} query's start-up).
 */
final class JsonBody {
  static final JsonFactory FACTORY = new JsonFactory();

  private JsonBody() {}

  /** What the writer puts on a generator, as text. */
  static String of(Content content) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      content.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** One JSON value, written on a generator. */
  @FunctionalInterface
  interface Content {
    void writeTo(JsonGenerator json) throws IOException;
  }
}
