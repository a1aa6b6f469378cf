package dev.cloudmetrics.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayWidthTest {
  @ParameterizedTest(name = "{0} takes {1}")
  @CsvSource(delimiter = '|', value = {
      "rtmp://live.example/app/s1|26",
      "频道一|6",
      "rtmp://直播.example/live/频道一|31",
      "ＡＢＣ|6",              // fullwidth Latin
      "한국어|6",               // Hangul syllables
      "ライブ|6",               // Katakana
      "ｶﾀｶﾅ|4",                // halfwidth Katakana stays narrow
      "e\u0301|1",             // e + combining acute accent
      "a\u200Bb|2",            // zero-width space
      "\uD840\uDC00|2",        // CJK Extension B, outside the BMP
      "Straße café|11",
  })
  void countsTerminalColumns(String text, int columns) {
    assertEquals(columns, DisplayWidth.of(text));
  }
}
