package dev.cloudmetrics.cli;

/** When charts are coloured ({@code --color}), as gh, ls and grep ask it. */
public enum ColorChoice {
  /** On a terminal that takes colour, unless NO_COLOR is set or TERM is dumb. */
  AUTO,
  ALWAYS,
  NEVER
}
