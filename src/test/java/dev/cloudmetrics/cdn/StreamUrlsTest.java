package dev.cloudmetrics.cdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamUrlsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "rtmp://live.example.com/app/stream, rtmp://live.example.com/app/stream",
    "'  rtmp://live.example.com/app/stream  ', rtmp://live.example.com/app/stream",
    "http://live.example.com/app/stream/index.m3u8, http://live.example.com/app/stream",
    "http://live.example.com/app/stream/INDEX.M3U8, http://live.example.com/app/stream",
    "http://live.example.com/app/stream/index.m3u8?token=abc&t=1, http://live.example.com/app/stream",
    "rtmp://live.example.com/app/stream?token=abc, rtmp://live.example.com/app/stream",
    "rtmp://live.example.com/app/stream#frag, rtmp://live.example.com/app/stream",
    "rtmp://live.example.com/app/stream/, rtmp://live.example.com/app/stream",
    "http://live.example.com/app/stream/index.m3u8/, http://live.example.com/app/stream",
    "http://live.example.com/app/stream/ ?x=1, http://live.example.com/app/stream",
    "http://live.example.com/app/stream.m3u8, http://live.example.com/app/stream.m3u8",
    "http://live.example.com/app/myindex.m3u8, http://live.example.com/app/myindex.m3u8",
    "rtmp://直播.example.com/频道/一号, rtmp://直播.example.com/频道/一号",
  })
  void normalizeGivesTheFormTheApiTakes(String url, String expected) {
    assertEquals(expected, StreamUrls.normalize(url));
  }

  @Test
  void normalizeIsIdempotentAndLeavesNoSuffixQueryOrTrailingSlash() {
    Random random = new Random(3);
    String[] pieces = {"rtmp://", "http://", "a", "b.c", "/", "/index.m3u8", "/INDEX.m3u8", "?", "#", "=", "&", " ",
        "index.m3u8", "直播"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder url = new StringBuilder();
      for (int n = random.nextInt(8); n >= 0; n--) {
        url.append(pieces[random.nextInt(pieces.length)]);
      }
      String once = StreamUrls.normalize(url.toString());
      assertEquals(once, StreamUrls.normalize(once), url.toString());
      assertFalse(once.contains("?") || once.contains("#") || once.endsWith("/"), url.toString());
      assertFalse(once.toLowerCase(java.util.Locale.ROOT).endsWith("/index.m3u8"), url.toString());
      assertEquals(once.strip(), once, url.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rtmp://live.example.com/app/stream", "http://h/a", "https://h:8080", "rtmp://直播.example.com/频道"})
  void absoluteUrlsHaveASchemeAndAHost(String url) {
    assertTrue(StreamUrls.isAbsolute(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"live.example.com/app/stream", "/app/stream", "rtmp:", "rtmp://", "rtmp:///app", "", "stream1",
      "rtmp://host/app stream", "1rtmp://host/a"})
  void otherUrlsAreNotAbsolute(String url) {
    assertFalse(StreamUrls.isAbsolute(url));
  }

  @Test
  void aListHasOneUrlALineWithCommentsBlankLinesAndCommasAllowed() throws IOException {
    String file = "\uFEFF# our channels\n"
        + "rtmp://a.example/live/1\n"
        + "\n"
        + "   \n"
        + "  rtmp://a.example/live/2  # the backup\n"
        + "rtmp://a.example/live/3,rtmp://a.example/live/4, \n"
        + "\t# indented comment\r\n"
        + "http://a.example/live/5/index.m3u8#frag\r\n"
        + "rtmp://a.example/live/6";

    assertEquals(List.of("rtmp://a.example/live/1", "rtmp://a.example/live/2", "rtmp://a.example/live/3",
            "rtmp://a.example/live/4", "http://a.example/live/5/index.m3u8#frag", "rtmp://a.example/live/6"),
        StreamUrls.parseList(new StringReader(file)));
  }

  @Test
  void anEmptyFileIsAnEmptyList() throws IOException {
    assertEquals(List.of(), StreamUrls.parseList(new StringReader("")));
    assertEquals(List.of(), StreamUrls.parseList(new StringReader("# nothing yet\n\n")));
  }
}
