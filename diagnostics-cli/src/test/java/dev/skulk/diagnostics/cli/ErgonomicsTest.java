package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code --version}, completion, the exit-code and environment sections of {@code --help}, and bad option values. */
class ErgonomicsTest {

  @Test
  void versionNamesTheVersionTheCommitAndTheJdk() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList()).hasSize(3);
    assertThat(run.out().lines().toList().get(0)).startsWith("skulk-diag ");
    // Written by the build from `git rev-parse HEAD` (40 hex digits), or "unknown" without git.
    assertThat(run.out().lines().toList().get(1)).matches("commit ([0-9a-f]{40}|unknown)");
    assertThat(run.out().lines().toList().get(2)).startsWith("JDK " + System.getProperty("java.version") + " (");
  }

  @Test
  void generateCompletionPrintsABashAndZshScriptForEveryCommand() {
    CliRun run = CliRun.of("generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F _complete_skulk-diag", "compinit", "triage", "schema", "diff");
    assertThat(CliRun.of("--help").out()).contains("generate-completion");
  }

  @Test
  void helpListsExitCodesAndEnvironmentDefaults() {
    String help = CliRun.of("--help").out();

    assertThat(help).contains("Exit codes:", "  0   ok", "  1   invalid input", "  2   usage", "  3   triage found a critical problem");
    assertThat(help).contains("SKULK_DIAG_NODE_ID", "SKULK_DIAG_PEERS", "SKULK_DIAG_PORT");
    assertThat(CliRun.of("node", "--help").out()).contains("$SKULK_DIAG_NODE_ID");
    assertThat(CliRun.of("cluster", "--help").out()).contains("$SKULK_DIAG_PEERS");
    assertThat(CliRun.of("serve", "--help").out()).contains("$SKULK_DIAG_PORT");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "capture --duration 0.5 --no-samples     | --duration",
    "capture --duration 11 --no-samples      | --duration",
    "capture --duration abc                  | --duration",
    "node --collect-deadline 0               | --collect-deadline",
    "cluster --deadline 0                    | --deadline",
    "cluster --peer x                        | Peer entry 'x'",
    "timeline --deadline -1                  | --deadline",
    "serve --port 70000                      | --port",
    "serve --port -1                         | --port",
    "serve --bind no..such.host.invalid      | --bind",
    "validate --max-input-bytes -1 x.json    | --max-input-bytes",
    "normalize --max-input-bytes -1 x.json   | --max-input-bytes",
    "triage --max-input-bytes -1 x.json      | --max-input-bytes",
    "triage --deadline 0 x.json              | --deadline",
    "triage --format html x.json             | --format",
    "diff --format xml a.json b.json         | --format",
    "diff --max-input-bytes -1 a.json b.json | --max-input-bytes",
    "schema bogus                            | TYPE",
    "validate --type bogus x.json            | --type",
  })
  void everyBadOptionValueIsAUsageErrorNamingTheOption(String args, String named) {
    CliRun run = CliRun.of(args.strip().split(" +"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(named);
    assertThat(run.out()).isEmpty();
  }
}
