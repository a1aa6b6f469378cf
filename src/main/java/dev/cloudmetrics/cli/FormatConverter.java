package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.OutputFormat;

/** Reads --format, with the list of formats in its error (and the formats for completion). */
final class FormatConverter extends OptionNameConverter<OutputFormat> {
  FormatConverter() {
    super(OutputFormat.values());
  }
}
