package dev.cloudmetrics.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/** A number field of an API response read exactly as sent, for the streaming parsers. */
public final class JsonNumbers {
  /**
   * Most digits before and after the point a value may have. Counts of viewers and users have a
   * dozen at most; {@code 1e999999999} would print as a gigabyte of zeros, {@code 1e-999999999} too.
   */
  static final int MOST_DIGITS = 40;
  private static final int LONGEST_TEXT = 2 * MOST_DIGITS + 10;

  private JsonNumbers() {}

  /**
   * The number as written (12.50 stays 12.50); a quoted number is accepted too, {@code null} is a
   * gap (empty). Anything else is a {@link JsonParseException} naming {@code field}.
   */
  public static Optional<BigDecimal> exact(JsonParser json, JsonToken token, String field) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return Optional.of(bounded(json, json.getDecimalValue(), field));
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = json.getText().strip();
      if (text.length() > LONGEST_TEXT) {
        throw new JsonParseException(json, field + " is " + text.length() + " characters long, not a count");
      }
      try {
        return Optional.of(bounded(json, new BigDecimal(text), field));
      } catch (NumberFormatException e) {
        throw new JsonParseException(json, field + " '" + json.getText() + "' is not a number");
      }
    }
    if (token == JsonToken.VALUE_NULL) {
      return Optional.empty();
    }
    throw new JsonParseException(json, field + " is not a number");
  }

  /** The value, if it has at most {@link #MOST_DIGITS} digits on either side of the point. */
  private static BigDecimal bounded(JsonParser json, BigDecimal value, String field) throws JsonParseException {
    long whole = (long) value.precision() - value.scale();
    if (whole > MOST_DIGITS || value.scale() > MOST_DIGITS) {
      throw new JsonParseException(json, field + " " + value.toString() + " is out of range (at most " + MOST_DIGITS
          + " digits before and after the point)");
    }
    return value;
  }
}
