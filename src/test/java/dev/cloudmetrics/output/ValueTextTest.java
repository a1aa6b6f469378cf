package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTextTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1234.0, 1234",
      "1234, 1234",
      "12.50, 12.50",
      "0.5, 0.5",
      "0.00, 0",
      "0, 0",
      "-3.0, -3",
      "-0.25, -0.25",
      "2.5E+3, 2500",
      "1E+21, 1000000000000000000000",
      "1.5E-7, 0.00000015",
      "98765432109876543210.00, 98765432109876543210",
  })
  void printsTheApiValueWithoutTrailingWholeFractionOrExponent(String value, String expected) {
    assertEquals(expected, ValueText.of(new BigDecimal(value)));
  }
}
