package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.collectors.internal.CommandRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A command runner that answers with recorded output and remembers what it was asked to run. */
final class FakeRunner implements CommandRunner {

  private final Map<String, List<String>> outputs = new HashMap<>();
  final List<List<String>> commands = new CopyOnWriteArrayList<>();

  /** Answers {@code command} (matched on its first element) with {@code lines}. */
  FakeRunner answer(String executable, List<String> lines) {
    outputs.put(executable, lines);
    return this;
  }

  @Override
  public List<String> run(List<String> command, Duration timeout, Predicate<String> stopAfter)
      throws IOException {
    commands.add(List.copyOf(command));
    List<String> lines = outputs.get(command.get(0));
    if (lines == null) {
      throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
    }
    List<String> read = new ArrayList<>();
    for (String line : lines) {
      read.add(line);
      if (stopAfter.test(line)) {
        break;
      }
    }
    return read;
  }
}
