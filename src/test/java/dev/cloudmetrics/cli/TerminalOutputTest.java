package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cloudmetrics.emulator.Emulator;
import dev.cloudmetrics.emulator.EmulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which stream is a terminal, its size, colour, and what -o and --no-header do: the real CLI against the emulator. */
class TerminalOutputTest {
  static final TerminalStreams STDOUT_100 = new TerminalStreams(true, true, true, 100, 40);
  static final TerminalStreams STDOUT_60 = new TerminalStreams(true, true, true, 60, 40);
  static final TerminalStreams STDERR_ONLY = new TerminalStreams(true, false, true, 100, 40);

  @TempDir Path home;
  Emulator emulator;

  @BeforeEach
  void start() {
    emulator = Emulator.start(new EmulatorOptions(0, FormatsCommandTest.CLOCK, 0, false));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  CliRun.Result run(TerminalStreams terminal, Map<String, String> extra, String... args) {
    Map<String, String> variables = new HashMap<>(FormatsCommandTest.credentials());
    variables.putAll(extra);
    return new CliRun(FormatsCommandTest.CLOCK, variables, home).withTerminal(terminal).run(args);
  }

  String[] cdn(String... extra) {
    return Stream.concat(Stream.of("cdn", "online-users", "--endpoint", emulator.baseUri().toString(),
        "--tz", "Asia/Shanghai", "-s", FormatsCommandTest.STREAM_A + "," + FormatsCommandTest.STREAM_B, "--per-stream",
        "--start", "2024-05-20T10:00", "--end", "2024-05-20T11:00"), Stream.of(extra)).toArray(String[]::new);
  }

  static int widest(String text) {
    return text.lines().mapToInt(line -> line.replaceAll("\u001B\\[[0-9;]*m", "").length()).max().orElse(0);
  }

  @Test
  void theDefaultFormatFollowsStdoutAloneAndStdinOnATerminalDoesNotMatter() {
    // `--streams-file - < s.txt` on a terminal: stdin is a file, stdout the terminal.
    CliRun.Result table = run(new TerminalStreams(false, true, true, 100, 40), Map.of(), cdn());
    CliRun.Result csv = run(STDERR_ONLY, Map.of(), cdn());

    assertEquals(0, table.exitCode(), table.err());
    assertTrue(table.out().startsWith("TIME"), table.out());
    assertEquals(0, csv.exitCode(), csv.err());
    assertTrue(csv.out().startsWith("time,stream_url,region,online_users\n"), csv.out());
  }

  @Test
  void chartsFitTheTerminalsWidthAndColumnsStillOverridesIt() {
    CliRun.Result narrow = run(STDOUT_60, Map.of(), cdn("-f", "chart"));
    CliRun.Result wide = run(STDOUT_100, Map.of(), cdn("-f", "chart"));
    CliRun.Result overridden = run(STDOUT_60, Map.of("COLUMNS", "120"), cdn("-f", "chart"));
    CliRun.Result noTerminal = run(TerminalStreams.NONE, Map.of(), cdn("-f", "chart"));

    assertEquals(0, narrow.exitCode(), narrow.err());
    assertTrue(widest(narrow.out()) <= 60 && widest(narrow.out()) > 55, narrow.out());
    assertTrue(widest(wide.out()) <= 100 && widest(wide.out()) > 95, wide.out());
    assertTrue(widest(overridden.out()) > 100, overridden.out());
    assertTrue(widest(noTerminal.out()) <= 80 && widest(noTerminal.out()) > 75, noTerminal.out());
  }

  @Test
  void aTableFitsANarrowTerminalByCuttingLabelsInTheMiddleAndKeepsThemWholeElsewhere() {
    CliRun.Result narrow = run(STDOUT_60, Map.of(), cdn("-f", "table"));
    CliRun.Result piped = run(TerminalStreams.NONE, Map.of(), cdn("-f", "table"));

    assertEquals(0, narrow.exitCode(), narrow.err());
    narrow.out().lines().forEach(line -> assertTrue(line.length() <= 60, "'" + line + "'\n" + narrow.out()));
    assertTrue(narrow.out().contains("…"), narrow.out());
    assertTrue(narrow.out().contains("2024-05-20T10:00:00+08:00"), "times are never cut: " + narrow.out());
    assertTrue(piped.out().contains(FormatsCommandTest.STREAM_A + "  CN"), piped.out());
    assertFalse(piped.out().contains("…"), piped.out());
  }

  @Test
  void colourFollowsColorThenNoColorAndTerm() {
    assertTrue(run(STDOUT_100, Map.of(), cdn("-f", "chart")).out().contains("\u001B["));
    assertFalse(run(STDOUT_100, Map.of("TERM", "dumb"), cdn("-f", "chart")).out().contains("\u001B["));
    assertFalse(run(STDOUT_100, Map.of("NO_COLOR", "1"), cdn("-f", "chart")).out().contains("\u001B["));
    assertFalse(run(STDOUT_100, Map.of(), cdn("-f", "chart", "--color", "never")).out().contains("\u001B["));
    assertTrue(run(TerminalStreams.NONE, Map.of(), cdn("-f", "chart", "--color=always")).out().contains("\u001B["));
    assertFalse(run(TerminalStreams.NONE, Map.of(), cdn("-f", "chart", "--color=auto")).out().contains("\u001B["));

    int before = emulator.requestCount();
    CliRun.Result wrong = run(STDOUT_100, Map.of(), cdn("-f", "chart", "--color", "sometimes"));
    assertEquals(ExitCode.INVALID_INPUT, wrong.exitCode());
    assertTrue(wrong.err().contains("--color") && wrong.err().contains("'sometimes'")
        && wrong.err().contains("auto, always, never"), wrong.err());
    assertEquals(before, emulator.requestCount());
  }

  @Test
  void anExportToAFileEndsWithASummaryLineWhenSomeoneWatches() throws Exception {
    Path file = home.resolve("m.csv");
    CliRun.Result watched = run(STDERR_ONLY, Map.of(), cdn("-o", file.toString()));
    CliRun.Result cron = run(TerminalStreams.NONE, Map.of(), cdn("-o", file.toString()));
    CliRun.Result verbose = run(TerminalStreams.NONE, Map.of(), cdn("-o", file.toString(), "-v"));

    assertEquals(0, watched.exitCode(), watched.err());
    assertEquals("cloudmetrics: wrote 26 rows, 2 series, buckets 2024-05-20T10:00+08:00 to 2024-05-20T11:00+08:00, to "
        + file + "\n", watched.err());
    assertEquals("", cron.err());
    assertTrue(verbose.err().endsWith("cloudmetrics: wrote 26 rows, 2 series, buckets 2024-05-20T10:00+08:00 to "
        + "2024-05-20T11:00+08:00, to " + file + "\n"), verbose.err());
    assertEquals(27, Files.readAllLines(file).size());
  }

  @Test
  void theOutputFilesExtensionChoosesTheFormatAndAnUnknownOneIsNamed() throws Exception {
    Path json = home.resolve("m.json");
    Path prom = home.resolve("m.prom");
    Path odd = home.resolve("m.data");
    assertEquals(0, run(TerminalStreams.NONE, Map.of(), cdn("-o", json.toString())).exitCode());
    assertEquals(0, run(TerminalStreams.NONE, Map.of(), cdn("-o", prom.toString())).exitCode());
    CliRun.Result unknown = run(TerminalStreams.NONE, Map.of(), cdn("-o", odd.toString()));
    CliRun.Result forced = run(TerminalStreams.NONE, Map.of(), cdn("-o", json.toString(), "-f", "csv"));

    assertTrue(Files.readString(odd).startsWith("time,stream_url"));
    assertEquals("cloudmetrics: note: -o '" + odd + "': no format known for that name; writing csv (-f chooses one)\n",
        unknown.err());
    assertEquals("", forced.err());
    assertTrue(Files.readString(json).startsWith("time,stream_url"), "-f wins over the extension");
    assertTrue(Files.readString(prom).contains("# TYPE cloudmetrics_cdn_online_users gauge"));
  }

  @Test
  void aDashAsOutputIsStdout() {
    CliRun.Result result = run(TerminalStreams.NONE, Map.of(), cdn("-o", "-"));

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("time,stream_url,region,online_users\n"), result.out());
    assertFalse(Files.exists(home.resolve("-")));
    assertFalse(Files.exists(Path.of("-")));
  }

  @Test
  void noHeaderSaysWhenItDoesNothingAndRefusesAByteOrderMarkInTheMiddleOfAFile() {
    CliRun.Result prometheus = run(TerminalStreams.NONE, Map.of(), cdn("-f", "prometheus", "--no-header"));
    CliRun.Result table = run(TerminalStreams.NONE, Map.of(), cdn("-f", "table", "--no-header"));
    long before = emulator.requestCount();
    CliRun.Result bom = run(TerminalStreams.NONE, Map.of(), cdn("--no-header", "--bom"));
    CliRun.Result excel = run(TerminalStreams.NONE, Map.of(), cdn("--no-header", "--excel"));

    assertEquals(0, prometheus.exitCode());
    assertEquals("cloudmetrics: note: --no-header does nothing for -f prometheus, which has no header line\n",
        prometheus.err());
    assertEquals("cloudmetrics: note: --no-header: the table still ends with its summary (-f csv gives bare rows)\n",
        table.err());
    assertEquals(ExitCode.INVALID_INPUT, bom.exitCode());
    assertTrue(bom.err().startsWith("cloudmetrics: --no-header with --bom: a byte-order mark belongs at the start"),
        bom.err());
    assertEquals(1, bom.err().lines().count(), bom.err());
    assertEquals(ExitCode.INVALID_INPUT, excel.exitCode());
    assertTrue(excel.err().startsWith("cloudmetrics: --no-header with --excel"), excel.err());
    assertEquals(before, emulator.requestCount());
  }

  @Test
  void streamsFileAndUrlMistakesAreNamedForWhatTheyAre() throws Exception {
    Path empty = Files.writeString(home.resolve("empty.txt"), "# none yet\n\n");
    String[] base = {"cdn", "online-users", "--endpoint", emulator.baseUri().toString()};
    CliRun.Result blank = run(TerminalStreams.NONE, Map.of(), concat(base, "--streams-file", empty.toString()));
    CliRun.Result missing = run(TerminalStreams.NONE, Map.of(), concat(base, "--streams-file", "nothere.txt"));
    CliRun.Result spaced = run(TerminalStreams.NONE, Map.of(), concat(base, "-s", "rtmp://a/live/my stream"));

    assertEquals("cloudmetrics: RequiresInputValue: --streams-file '" + empty + "': no stream URL in it (one a line;"
        + " blank lines and # comments are skipped)\n", blank.err());
    assertEquals("cloudmetrics: --streams-file 'nothere.txt': cannot read it: no such file\n", missing.err());
    assertEquals("cloudmetrics: --stream 'rtmp://a/live/my stream': a space at character 17; a URL has none"
        + " (a space in a stream name is written %20)\n", spaced.err());
    for (CliRun.Result result : new CliRun.Result[] {blank, missing, spaced}) {
      assertEquals(ExitCode.INVALID_INPUT, result.exitCode());
    }
    assertEquals(0, emulator.requestCount());
  }

  @Test
  void zoneNamesInAnyCaseAndWeeksAreTaken() {
    CliRun.Result utc = run(TerminalStreams.NONE, Map.of(), "cdn", "online-users", "--endpoint",
        emulator.baseUri().toString(), "-s", FormatsCommandTest.STREAM_A, "--tz", "utc", "--start", "2024-05-20T02:00",
        "--end", "2024-05-20T02:10");
    CliRun.Result week = run(TerminalStreams.NONE, Map.of(), "cdn", "online-users", "--endpoint",
        emulator.baseUri().toString(), "-s", FormatsCommandTest.STREAM_A, "--tz", "asia/shanghai", "--last", "1w",
        "-g", "1d", "--dry-run");

    assertEquals(0, utc.exitCode(), utc.err());
    assertTrue(utc.out().matches("(?s).*\n2024-05-20T02:00:00(Z|\\+00:00),.*"), utc.out());
    assertEquals(0, week.exitCode(), week.err());
    CliRun.Result days = run(TerminalStreams.NONE, Map.of(), "cdn", "online-users", "--endpoint",
        emulator.baseUri().toString(), "-s", FormatsCommandTest.STREAM_A, "--tz", "Asia/Shanghai", "--last", "7d",
        "-g", "1d", "--dry-run");
    assertEquals(days.out(), week.out());
  }

  private static String[] concat(String[] base, String... more) {
    return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
  }
}
