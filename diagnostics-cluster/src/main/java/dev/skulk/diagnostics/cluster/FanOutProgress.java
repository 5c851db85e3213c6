package dev.skulk.diagnostics.cluster;

/**
 * Progress of one cluster fan-out, for a caller that shows it (the CLI prints it on a terminal).
 * Called from the fan-out's threads: implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface FanOutProgress {

  /**
   * @param answered peers that have answered (successfully or not) so far
   * @param total peers asked
   */
  void update(int answered, int total);
}
