package dev.cloudmetrics.cli;

/** Reads --color, with its three values in its error (and for completion). */
final class ColorConverter extends OptionNameConverter<ColorChoice> {
  ColorConverter() {
    super(ColorChoice.values());
  }
}
