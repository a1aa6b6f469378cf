package dev.cloudmetrics.cli;

import dev.cloudmetrics.output.Layout;

/** Reads --layout, with the list of layouts in its error (and the layouts for completion). */
final class LayoutConverter extends OptionNameConverter<Layout> {
  LayoutConverter() {
    super(Layout.values());
  }
}
