package dev.cloudmetrics.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;

/** The JSON factory both JSON formats write with. */
final class JsonOutput {
  // The writer may be stdout, which must stay open after the document.
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private JsonOutput() {}

  static JsonGenerator generator(Writer out) {
    try {
      return FACTORY.createGenerator(out);
    } catch (IOException e) {
      // Creating a generator over a Writer writes nothing.
      throw new IllegalStateException(e);
    }
  }
}
