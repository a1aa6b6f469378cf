package dev.cloudmetrics.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the build does to picocli's AsciiDoc man pages (a page picocli wrote for {@code cdn
 * online-users} in, the golden page out), and that the root's help shows the same manual sections.
 * The built troff pages themselves: {@code ManPagesIT}.
 */
class ManPagesTest {
  static final Path MAN = Path.of("src/test/resources/man");

  @TempDir Path home;

  @Test
  void thePageGetsAWholeSynopsisAndTheManualsSections() throws Exception {
    String picocli = Files.readString(MAN.resolve("cdn-online-users.picocli.adoc"), StandardCharsets.UTF_8);
    List<ManPages.Section> sections = ManualSections.load().stream().map(ManPages.Section::new).toList();

    String finished = ManPages.finish(picocli, sections);

    assertEquals(Files.readString(MAN.resolve("cdn-online-users.golden.adoc"), StandardCharsets.UTF_8), finished);
  }

  @Test
  void theManualHasTheExitCodesOfCliMd() {
    Map<String, String> exitStatus = ManualSections.load().get(0).entries();

    assertEquals(List.of(ExitCode.OK, ExitCode.INTERNAL, ExitCode.INVALID_INPUT, ExitCode.CREDENTIALS,
        ExitCode.API_REJECTED, ExitCode.SERVICE_FAILED, ExitCode.INTERRUPTED).stream().map(String::valueOf).toList(),
        List.copyOf(exitStatus.keySet()));
    assertEquals(List.of("Exit status", "Environment", "Files"),
        ManualSections.load().stream().map(ManualSections.Section::heading).toList());
  }

  @Test
  void theRootHelpEndsWithTheSameSections() {
    CliRun.Result help = new CliRun(Clock.systemUTC(), Map.of(), home).run("--help");

    assertEquals(0, help.exitCode(), help.err());
    String out = help.out();
    for (ManualSections.Section section : ManualSections.load()) {
      assertTrue(out.contains("\n" + section.heading() + ":\n"), out);
      for (String term : section.entries().keySet()) {
        assertTrue(out.contains("  " + term), term + " in\n" + out);
      }
    }
    assertTrue(out.indexOf("Examples:") < out.indexOf("Exit status:"), out);
    assertEquals("", help.err());
  }

  @Test
  void aSubcommandsHelpLeavesThemToTheRoot() {
    CliRun.Result help = new CliRun(Clock.systemUTC(), Map.of(), home).run("cdn", "online-users", "--help");

    assertEquals(0, help.exitCode(), help.err());
    assertTrue(!help.out().contains("Exit status:") && !help.out().contains("KSYUN_ACCESS_KEY, KSYUN_SECRET_KEY"), help.out());
  }
}
