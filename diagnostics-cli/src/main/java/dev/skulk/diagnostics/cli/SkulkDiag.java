package dev.skulk.diagnostics.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.AutoComplete;
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
    description = {
      "Skulk cluster diagnostics: build, serve, triage, compare, validate and normalize diagnostics bundles.",
      "",
      "Environment defaults (an option on the command line wins):",
      "  SKULK_DIAG_NODE_ID  --node-id of this machine",
      "  SKULK_DIAG_PEERS    --peer list, comma-separated NODE_ID=URL entries",
      "  SKULK_DIAG_PORT     --port of serve"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok (for triage: no critical finding)",
      "1:invalid input (a document or source that cannot be read or is not valid)",
      "2:usage (an unknown option, a missing argument, a bad option value)",
      "3:triage found a critical problem"
    },
    subcommands = {
      NodeCommand.class,
      ClusterCommand.class,
      TimelineCommand.class,
      CaptureCommand.class,
      ServeCommand.class,
      ValidateCommand.class,
      NormalizeCommand.class,
      TriageCommand.class,
      SchemaCommand.class,
      DiffCommand.class,
      WatchCommand.class,
      BundleCommand.class,
      AutoComplete.GenerateCompletion.class,
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
    System.exit(run(args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
  }

  /**
   * Runs the CLI writing UTF-8 to {@code stdout} and {@code stderr} whatever the locale (under
   * {@code LC_ALL=C} the JVM's own streams would turn every non-ASCII character into {@code ?}).
   * A write that failed (a full disk, a closed pipe) makes the status 1 with one line on stderr,
   * instead of a silent 0: print writers swallow I/O errors, so they are asked afterwards.
   */
  static int run(String[] args, OutputStream stdout, OutputStream stderr) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    CommandLine commandLine = newCommandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    int status = commandLine.execute(args);
    if (out.checkError()) { // flushes first, so nothing buffered is left unreported
      err.println("skulk-diag: cannot write to standard output (disk full or pipe closed)");
      status = status == CommandLine.ExitCode.OK ? CommandLine.ExitCode.SOFTWARE : status;
    }
    if (err.checkError() && status == CommandLine.ExitCode.OK) {
      status = CommandLine.ExitCode.SOFTWARE;
    }
    return status;
  }

  /** The configured command line, for tests and embedding (does not exit). */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new SkulkDiag());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(SkulkDiag::explain);
    // picocli hides its completion command by default; operators should find it in --help.
    CommandLine completion = commandLine.getSubcommands().get("generate-completion");
    if (completion != null) {
      completion.getCommandSpec().usageMessage().hidden(false);
    }
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
