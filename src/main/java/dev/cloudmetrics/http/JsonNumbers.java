package dev.cloudmetrics.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/** A number field of an API response read exactly as sent, for the streaming parsers. */
public final class JsonNumbers {
  private JsonNumbers() {}

  /**
   * The number as written (12.50 stays 12.50); a quoted number is accepted too, {@code null} is a
   * gap (empty). Anything else is a {@link JsonParseException} naming {@code field}.
   */
  public static Optional<BigDecimal> exact(JsonParser json, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return Optional.of(json.getDecimalValue());
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Optional.of(new BigDecimal(json.getText().strip()));
      } catch (NumberFormatException e) {
        throw new JsonParseException(json, field + " '" + json.getText() + "' is not a number");
      }
    }
    if (token == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    throw new JsonParseException(json, field + " is not a number");
  }
}
