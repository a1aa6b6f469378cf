package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.TimeFormat;

/** Reads --time-format, with the list of time formats in its error (and the same names for completion). */
final class TimeFormatConverter extends OptionNameConverter<TimeFormat> {
  TimeFormatConverter() {
    super(TimeFormat.values());
  }
}
