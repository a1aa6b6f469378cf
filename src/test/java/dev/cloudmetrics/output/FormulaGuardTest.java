package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {
  @ParameterizedTest
  @ValueSource(strings = {"=1+2", "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
      "\t=1", "\r=1", "-", "+", "=", "-1e5x", "--1"})
  void formulaStartsGetASingleQuote(String cell) {
    assertEquals("'" + cell, FormulaGuard.cell(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-12", "+3.5", "-0.25", "-.5", "-1e5", "+2E-3", "1234", "rtmp://a/live/x", "online_users",
      "直播", "", "a=1", "2024-05-20T10:00:00+08:00", "'quoted"})
  void numbersAndOrdinaryTextAreLeftAlone(String cell) {
    assertEquals(cell, FormulaGuard.cell(cell));
  }
}
