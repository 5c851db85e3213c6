package dev.skulk.diagnostics.cli;

import java.time.Duration;
import picocli.CommandLine.ParameterException;

/** Seconds given on the command line as durations. */
final class Durations {

  private Durations() {}

  static Duration ofSeconds(double seconds, String option) {
    if (!(seconds > 0) || seconds > 3600) {
      throw new IllegalArgumentException(option + " must be between 0 and 3600 seconds, was " + seconds);
    }
    return Duration.ofNanos((long) (seconds * 1e9));
  }
}
