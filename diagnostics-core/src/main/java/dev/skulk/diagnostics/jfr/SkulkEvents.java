package dev.skulk.diagnostics.jfr;

/**
 * The names of the JDK Flight Recorder events the SDK emits, all in category {@value #CATEGORY}
 * (JDK Mission Control's event browser shows them under "Skulk"). They use {@code jdk.jfr}, part of
 * the JDK: no dependency, and no recording unless the host starts one ({@code
 * -XX:StartFlightRecording}, {@code jcmd <pid> JFR.start}, or a {@link jdk.jfr.Recording}).
 *
 * <table>
 *   <caption>Events and their fields</caption>
 *   <tr><th>name</th><th>kind</th><th>emitted</th><th>fields</th></tr>
 *   <tr><td>{@value #RUNNER_PHASE}</td><td>duration</td><td>when a runner's {@code PhaseScope}
 *       closes (in the runner's own JVM)</td><td>runnerId, instanceId, rank, phase (wire value),
 *       detail, taskId, commandId, outcome ({@code exit} or {@code fail}), error ({@code
 *       SimpleClassName: message} when it failed)</td></tr>
 *   <tr><td>{@value #SUPERVISED_PHASE}</td><td>duration</td><td>when a supervisor tracker
 *       applies an update that changes the runner's phase (so for any runner, Python or Java, in
 *       any process): the phase left, from the update that entered it</td><td>runnerId, instanceId,
 *       rank, phase, detail and taskId of the update that entered it</td></tr>
 *   <tr><td>{@value #RUNNER_UPDATE}</td><td>instant; <b>disabled by default</b> (one per update,
 *       possibly per token)</td><td>when a supervisor tracker applies a runner update</td>
 *       <td>runnerId, instanceId, rank, phase, event, detail, taskId</td></tr>
 *   <tr><td>{@value #RUNNER_STATUS}</td><td>instant</td><td>when a supervisor tracker's status
 *       changes</td><td>runnerId, instanceId, rank, previousStatus, status</td></tr>
 *   <tr><td>{@value #RUNNER_TASK}</td><td>instant</td><td>when a supervisor tracker's task is
 *       sent, acknowledged, completed or cancelled</td><td>runnerId, instanceId, rank, taskId,
 *       change ({@code sent}, {@code acknowledged}, {@code cancel_requested}, {@code completed},
 *       {@code cancelled}, {@code failed}, {@code timed_out})</td></tr>
 *   <tr><td>{@value #WARNING}</td><td>instant</td><td>once per distinct warning of each
 *       assembled bundle</td><td>source (the rule's name, or {@code assembler} for the assembler's
 *       own warnings), text</td></tr>
 *   <tr><td>{@value #COLLECTOR_OUTCOME}</td><td>instant</td><td>once per registered collector
 *       per assembly</td><td>collector, slot, status ({@code OK}, {@code FAILED}, ...), elapsed
 *       (the time spent on it)</td></tr>
 * </table>
 *
 * <p>To record the per-update event too: {@code recording.enable(SkulkEvents.RUNNER_UPDATE)}, or
 * in a {@code .jfc} file {@code <event name="dev.skulk.RunnerUpdate"><setting
 * name="enabled">true</setting></event>}.
 *
 * <p><b>Cost.</b> With no recording on, each emission point costs a check that the JIT folds away
 * (see diagnostics-benchmarks' {@code RunnerFlightRecorderBenchmark.recordWithJfrHook}); with one
 * on, one small event object and a commit to a thread-local buffer.
 *
 * <p>Constants only; not instantiable.
 */
public final class SkulkEvents {

  /** The top-level category every SDK event carries. */
  public static final String CATEGORY = "Skulk";
  /** A runner phase, from the phase scope's opening to its closing. */
  public static final String RUNNER_PHASE = "dev.skulk.RunnerPhase";
  /** A runner phase as its supervisor tracker saw it, from entering it to leaving it. */
  public static final String SUPERVISED_PHASE = "dev.skulk.SupervisedRunnerPhase";
  /** One runner update applied by a supervisor tracker; disabled by default. */
  public static final String RUNNER_UPDATE = "dev.skulk.RunnerUpdate";
  /** A supervisor-side status change. */
  public static final String RUNNER_STATUS = "dev.skulk.RunnerStatusChange";
  /** A supervisor-side task change. */
  public static final String RUNNER_TASK = "dev.skulk.RunnerTaskChange";
  /** One warning of an assembled bundle. */
  public static final String WARNING = "dev.skulk.DiagnosticWarning";
  /** What one collector did in one assembly. */
  public static final String COLLECTOR_OUTCOME = "dev.skulk.CollectorOutcome";

  private SkulkEvents() {}
}
