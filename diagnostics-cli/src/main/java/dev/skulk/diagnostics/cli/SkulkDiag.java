package dev.skulk.diagnostics.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code skulk-diag}: Skulk diagnostics from the command line. Prints this machine's bundle, checks
 * and normalizes bundles from any Skulk node (Python or Java).
 */
@Command(
    name = "skulk-diag",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Skulk cluster diagnostics: build, validate and normalize diagnostics bundles.",
    subcommands = {
      NodeCommand.class,
      ClusterCommand.class,
      TimelineCommand.class,
      CaptureCommand.class,
      ServeCommand.class,
      ValidateCommand.class,
      NormalizeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SkulkDiag {

  /** Runs the CLI and exits with its status. */
  public static void main(String[] args) {
    // JNA unpacks its native stub under ~/.cache/JNA unless told otherwise; on a host whose HOME is
    // missing or read-only that creates directories we have no business creating. The JVM's temp
    // directory is always there and is where a short-lived extraction belongs.
    if (System.getProperty("jna.tmpdir") == null) {
      System.setProperty("jna.tmpdir", System.getProperty("java.io.tmpdir"));
    }
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, for tests and embedding (does not exit). */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new SkulkDiag());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(SkulkDiag::explain);
    return commandLine;
  }

  /**
   * A command that failed says why in one line instead of a stack trace: exit 2 for input the
   * user can fix (a bad option value such as {@code --peer x} or {@code --deadline 0}), 1 otherwise.
   */
  private static int explain(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
    boolean usage = failure instanceof IllegalArgumentException;
    String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    command.getErr().println("skulk-diag " + command.getCommandName() + ": " + message);
    if (usage) {
      command.getErr().println("Try 'skulk-diag " + command.getCommandName() + " --help'.");
    }
    command.getErr().flush();
    return usage ? CommandLine.ExitCode.USAGE : CommandLine.ExitCode.SOFTWARE;
  }
}
