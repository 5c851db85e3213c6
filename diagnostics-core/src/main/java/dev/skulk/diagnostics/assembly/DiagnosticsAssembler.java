package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.assembly.CollectorOutcome.Status;
import dev.skulk.diagnostics.assembly.internal.CollectorThreads;
import dev.skulk.diagnostics.assembly.internal.RuntimeFallback;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.rules.RuleSets;
import dev.skulk.diagnostics.jfr.internal.JfrHooks;
import dev.skulk.diagnostics.rules.Warnings;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.DiagnosticRule;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import dev.skulk.diagnostics.support.WarnOnceLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds this node's diagnostics bundle ({@code GET /v1/diagnostics/node}) in-process: runs the
 * collectors, merges their readings with the host's event-sourced state and live runner
 * supervisors, and applies the rules. A host builds one with {@link #builder()}, keeps it for its
 * lifetime and {@link #close() closes} it on shutdown.
 *
 * <h2>Collectors</h2>
 *
 * All slots are collected in parallel on the executor. Per slot, the enabled collectors are tried
 * by priority (highest first; ties in registration order) until one gives a reading: one that is
 * not {@linkplain Collector#isAvailable() available} is passed over ({@code UNAVAILABLE}); one that
 * fails (its {@code isAvailable()} or {@code collect()} throws, or it returns the wrong type) is
 * {@code FAILED}, with a warning, and the next is tried; one that returns null ({@code OK}, no
 * reading) leaves the slot to the next too; the rest are {@code SKIPPED}. So a broken NVML falls
 * back to {@code nvidia-smi}, and that to the CPU profile, within the slot's budget. Every
 * call into a collector is isolated: anything it throws except a {@link VirtualMachineError} (a
 * {@link LinkageError} included) is a failure, a value of the wrong type is a failure ({@link
 * Slot#cast}), and a slot whose work is not done within its budget (the collector timeout, capped
 * at four fifths of the deadline) is out of time: its thread is interrupted, anything it returns
 * later is dropped, and while that call has not returned the collector is skipped. Whatever
 * collectors do, {@link #assembleNode()} returns within the deadline plus a few milliseconds and
 * never throws. A failed or timed-out collector leaves its slot empty and adds exactly one warning
 * to the bundle, logged at WARN the first time for each collector and at DEBUG after, with the
 * cause attached. The warning texts are ours (Python Skulk has no such warnings):
 *
 * <ul>
 *   <li>{@code Collector <name> failed: <ExceptionSimpleName>: <message>} (the message on one
 *       line, cut at 500 characters; without {@code : <message>} when there is none)
 *   <li>{@code Collector <name> timed out after <N> ms}, N being the slot budget
 *   <li>{@code Collector <name> skipped: its previous call has not returned}
 *   <li>{@code Collector provider <class> could not be loaded: <ExceptionSimpleName>: <message>}
 *   <li>{@code Rule <name> failed: <ExceptionSimpleName>: <message>} and {@code Rule <name> timed
 *       out: the assembly deadline of <N> ms passed}
 *   <li>{@code Cluster state view failed: ...}, {@code Runner supervisor diagnostics failed: ...}
 *   <li>{@code Diagnostics assembler is closed; live readings were not collected}
 * </ul>
 *
 * <h2>The bundle</h2>
 *
 * <ul>
 *   <li>{@code generatedAt}: the clock when the bundle is done, as Python writes it.
 *   <li>{@code runtime}: the {@code RUNTIME} reading, or {@link RuntimeSection#build} from what the
 *       assembler knows (node id, state view, host facts, environment, hostname without DNS), so
 *       the bundle is always valid; over a collector's reading, {@code nodeId}, {@code isMaster},
 *       {@code masterNodeId}, {@code tracingEnabled} from the state view, and {@code friendlyName}
 *       from the gathered identity when neither empty nor {@code Unknown}.
 *   <li>{@code identity}: the state's gathered identity of this node, else the {@code IDENTITY}
 *       reading.
 *   <li>{@code resources}: {@code gatheredMemory} from the state; {@code currentMemory} and {@code
 *       currentWired} live; {@code disk}, {@code system}, {@code network} from the state when it
 *       has them, else live ({@code system} gets the {@code ACCELERATOR} reading when the profile
 *       has no accelerator, or becomes a zero profile around a lone accelerator).
 *   <li>{@code processes}: the {@code PROCESSES} reading as the collector gave it, roles and
 *       lineage included (the collector derives them once, from the raw {@code argv}, with {@link
 *       ProcessRoles}), sorted by pid.
 *   <li>{@code supervisorRunners}: the supplier's snapshots, in the order supplied (as upstream's
 *       {@code _collect_runner_supervisor_diagnostics}, which keeps the provider's list).
 *   <li>{@code placements}: {@link Placements#build}.
 *   <li>{@code warnings}: the rules' warnings over the draft (the bundle without warnings) and the
 *       assembler's own, distinct, in code point order.
 * </ul>
 *
 * <h2>Threads and cost</h2>
 *
 * Thread-safe. Concurrent callers share one assembly: a caller that arrives while one is running
 * gets that assembly's result (the same instance). The calling thread's interrupt status is
 * preserved, and an interrupt does not cut an assembly short. Cost: one task per slot that has
 * collectors and one per rule that is not built in; the built-in rules run on the calling thread.
 * The default executor is a bounded pool of daemon threads ({@code skulk-diag-collector-N}) whose
 * idle threads end after 30 seconds; {@link #close()} shuts it down. A thread stuck in a collector
 * that ignores interrupts ends when that call returns.
 */
public final class DiagnosticsAssembler implements AutoCloseable {

  /** The default budget of one slot's collector. */
  public static final Duration DEFAULT_COLLECTOR_TIMEOUT = Duration.ofSeconds(2);

  /** The default deadline of a whole assembly. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsAssembler.class);
  private static final Pattern PROVIDER_NAME = Pattern.compile("Provider (\\S+)");

  private final String nodeId;
  private final Clock clock;
  private final Ticker ticker;
  private final List<RegisteredCollector> collectors;
  private final Map<Slot<?>, List<RegisteredCollector>> candidatesBySlot;
  private final List<CollectorLoadFailure> loadFailures;
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final Duration collectorTimeout;
  private final Duration deadline;
  private final ClusterStateView state;
  private final Supplier<? extends Collection<RunnerSupervisorDiagnostics>> runnerSupervisors;
  private final List<RegisteredRule> rules;
  private final HostFacts hostFacts;
  private final long selfPid;
  private final Function<String, @Nullable String> env = System::getenv;

  private final AtomicReference<@Nullable CompletableFuture<AssemblyReport>> inFlight = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final WarnOnceLog warnOnce = new WarnOnceLog(LOG);

  private DiagnosticsAssembler(Builder builder) {
    this.nodeId = Objects.requireNonNull(builder.nodeId, "nodeId is required");
    this.clock = builder.clock;
    this.ticker = builder.ticker;
    this.collectorTimeout = builder.collectorTimeout;
    this.deadline = builder.deadline;
    this.state = builder.state != null ? builder.state : ClusterStateView.standalone(nodeId);
    this.runnerSupervisors = builder.runnerSupervisors;
    this.hostFacts = builder.hostFacts;
    this.selfPid = builder.selfPid != null ? builder.selfPid : ProcessHandle.current().pid();

    List<CollectorLoadFailure> failures = new ArrayList<>(builder.loadFailures);
    List<RegisteredCollector> registered = new ArrayList<>();
    for (Collector<?> collector : builder.collectors) {
      RegisteredCollector entry = register(collector, registered.size(), builder.switches, failures);
      if (entry != null) {
        registered.add(entry);
      }
    }
    this.collectors = List.copyOf(registered);
    this.loadFailures = List.copyOf(failures);

    Map<Slot<?>, List<RegisteredCollector>> bySlot = new LinkedHashMap<>();
    for (Slot<?> slot : Slot.all()) {
      List<RegisteredCollector> candidates = new ArrayList<>();
      for (RegisteredCollector entry : collectors) {
        if (entry.enabled && entry.slot.equals(slot)) {
          candidates.add(entry);
        }
      }
      candidates.sort(Comparator.comparingInt((RegisteredCollector c) -> -c.priority).thenComparingInt(c -> c.order));
      if (!candidates.isEmpty()) {
        bySlot.put(slot, List.copyOf(candidates));
      }
    }
    this.candidatesBySlot = bySlot;

    List<RegisteredRule> ruleEntries = new ArrayList<>();
    for (DiagnosticRule rule : builder.rules) {
      ruleEntries.add(new RegisteredRule(rule, ruleName(rule)));
    }
    this.rules = List.copyOf(ruleEntries);

    if (builder.executor != null) {
      this.executor = builder.executor;
      this.ownsExecutor = false;
    } else {
      int foreignRules = (int) rules.stream().filter(r -> !r.builtIn).count();
      int threads = Math.max(2, collectors.size() + foreignRules);
      this.executor = CollectorThreads.newPool(threads, Math.max(16, 4 * threads));
      this.ownsExecutor = true;
    }
    for (CollectorLoadFailure failure : loadFailures) {
      LOG.warn("Collector provider {} could not be registered; the other collectors still run",
          failure.provider(), failure.cause());
    }
  }

  /** A new builder; {@link Builder#nodeId(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** This node's id. */
  public String nodeId() {
    return nodeId;
  }

  /** The collectors that could not be registered (each is also one warning of every bundle). */
  public List<CollectorLoadFailure> loadFailures() {
    return loadFailures;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Builds this node's bundle. Never throws; returns within the deadline plus a few milliseconds
   * whatever the collectors do. Equivalent to {@code assembleNodeReport().bundle()}.
   */
  public NodeDiagnostics assembleNode() {
    return assembleNodeReport().bundle();
  }

  /**
   * Builds this node's bundle and reports what each collector did. Never throws; returns within
   * the deadline plus a few milliseconds. A caller arriving while an assembly runs gets that
   * assembly's report.
   */
  public AssemblyReport assembleNodeReport() {
    while (true) {
      CompletableFuture<AssemblyReport> running = inFlight.get();
      if (running != null) {
        // join() waits uninterruptibly and re-asserts an interrupt it saw.
        return running.join();
      }
      CompletableFuture<AssemblyReport> mine = new CompletableFuture<>();
      if (inFlight.compareAndSet(null, mine)) {
        try {
          mine.complete(assembleGuarded());
        } catch (Throwable e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          inFlight.compareAndSet(mine, null);
        }
        return mine.join();
      }
    }
  }

  /**
   * Stops the default executor (interrupting collector threads still running); an executor given
   * to the builder is left alone. Idempotent; does not wait. Later assemblies return a bundle
   * without live readings and with a warning saying so.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsExecutor) {
      executor.shutdownNow();
    }
  }

  /** Interrupts seen while waiting; restored on the calling thread at the end. */
  private static final class Interrupts {
    boolean seen;
  }

  private AssemblyReport assembleGuarded() {
    Interrupts interrupts = new Interrupts();
    // Cleared so that waits work; an interrupt never cuts an assembly short, and is restored below.
    interrupts.seen = Thread.interrupted();
    long startTick = ticker.read();
    try {
      return assemble(startTick, interrupts);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warn("Diagnostics assembly failed; returning a minimal bundle", e);
      return minimalReport(e, startTick);
    } finally {
      if (interrupts.seen || Thread.interrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private AssemblyReport assemble(long startTick, Interrupts interrupts) {
    long wallStart = System.nanoTime();
    WarningLog warnings = new WarningLog();
    List<Throwable> stateFailures = new CopyOnWriteArrayList<>();
    StateSnapshot snapshot = new StateSnapshot(state, nodeId, stateFailures::add);
    List<RunnerSupervisorDiagnostics> supervisors = readSupervisors(warnings);
    for (CollectorLoadFailure failure : loadFailures) {
      warnings.add(WarningLog.ASSEMBLER, Texts.providerFailed(failure.provider(), failure.cause()));
    }

    SlotValues values = new SlotValues();
    Map<RegisteredCollector, CollectorOutcome> outcomes = new HashMap<>();
    if (closed.get()) {
      warnings.add(WarningLog.ASSEMBLER, Texts.CLOSED);
    } else {
      collect(startTick, wallStart, snapshot, supervisors, values, outcomes, warnings, interrupts);
    }

    List<InstancePlacementDiagnostics> placements = Placements.build(snapshot, nodeId, supervisors);
    NodeDiagnostics draft = BundleDraft.draft(nodeId, Timestamps.format(clock.instant()), values, snapshot,
        supervisors, placements, hostFacts, env);
    warnings.addAll(applyRules(draft, snapshot, startTick, wallStart, interrupts));
    if (!stateFailures.isEmpty()) {
      Throwable first = stateFailures.get(0);
      logOnce("state", "Cluster state view failed; its readings are missing from the bundle", first);
      warnings.add(WarningLog.ASSEMBLER, Texts.stateFailed(first));
    }

    NodeDiagnostics bundle = new NodeDiagnostics(Timestamps.format(clock.instant()), draft.runtime(),
        draft.identity(), draft.resources(), draft.processes(), draft.supervisorRunners(), draft.placements(),
        Warnings.sortedDistinct(warnings.texts()));
    List<CollectorOutcome> ordered = orderedOutcomes(outcomes);
    warnings.emitJfr(); // JFR: nothing unless a recording takes the events
    emitJfr(ordered);
    return new AssemblyReport(bundle, ordered, values.get(Slot.MLX_MEMORY), elapsedSince(startTick),
        warnings.countsBySource());
  }

  private void collect(long startTick, long wallStart, StateSnapshot snapshot,
      List<RunnerSupervisorDiagnostics> supervisors, SlotValues values,
      Map<RegisteredCollector, CollectorOutcome> outcomes, WarningLog warnings, Interrupts interrupts) {
    Duration budget = collectorBudget();
    AssemblyContext context = new AssemblyContext(nodeId, clock, ticker, startTick + budget.toNanos(), hostFacts,
        selfPid, BundleDraft.runnerPids(supervisors), snapshot);
    List<SlotRun> runs = new ArrayList<>();
    List<@Nullable Future<?>> futures = new ArrayList<>();
    List<@Nullable Throwable> rejections = new ArrayList<>();
    candidatesBySlot.forEach((slot, candidates) -> {
      SlotRun run = new SlotRun(slot, candidates, context, ticker, startTick, budget);
      runs.add(run);
      try {
        futures.add(executor.submit(run));
        rejections.add(null);
      } catch (RejectedExecutionException e) {
        futures.add(null);
        rejections.add(e);
      }
    });

    long wallDeadline = wallStart + budget.toNanos();
    long tickDeadline = startTick + budget.toNanos();
    for (int i = 0; i < runs.size(); i++) {
      Future<?> future = futures.get(i);
      Throwable failure = rejections.get(i);
      if (future != null) {
        await(future, wallDeadline, tickDeadline, interrupts);
        failure = failureOf(future);
      }
      SlotRun.Result result = runs.get(i).close(failure);
      if (future != null && !future.isDone()) {
        future.cancel(true);
      }
      for (SlotRun.Attempt attempt : result.attempts()) {
        outcomes.put(attempt.collector(), attempt.outcome());
        if (attempt.warning() != null) {
          warnings.add(WarningLog.ASSEMBLER, attempt.warning());
          logOnce("collector:" + attempt.collector().name, attempt.warning(), attempt.outcome().cause());
        }
      }
      if (result.value() != null) {
        values.put(runs.get(i).slot(), result.value());
      }
    }
  }

  private WarningLog applyRules(NodeDiagnostics draft, StateSnapshot snapshot, long startTick, long wallStart,
      Interrupts interrupts) {
    WarningLog out = new WarningLog();
    Map<RegisteredRule, Future<List<String>>> pending = new LinkedHashMap<>();
    Map<RegisteredRule, AtomicBoolean> claims = new HashMap<>();
    for (RegisteredRule entry : rules) {
      if (entry.builtIn || closed.get()) {
        continue;
      }
      if (!entry.busy.compareAndSet(false, true)) {
        String warning = Texts.ruleBusy(entry.name);
        out.add(WarningLog.ASSEMBLER, warning);
        logOnce("rule:" + entry.name, warning, null);
        continue;
      }
      AtomicBoolean claim = new AtomicBoolean();
      try {
        pending.put(entry, executor.submit(() -> {
          if (!claim.compareAndSet(false, true)) {
            return List.of();
          }
          try {
            return evaluate(entry, draft, snapshot);
          } finally {
            entry.busy.set(false);
          }
        }));
        claims.put(entry, claim);
      } catch (RejectedExecutionException e) {
        entry.busy.set(false);
        String warning = Texts.ruleFailed(entry.name, e);
        out.add(WarningLog.ASSEMBLER, warning);
        logOnce("rule:" + entry.name, warning, e);
      }
    }
    for (RegisteredRule entry : rules) {
      if (entry.builtIn) {
        try {
          out.addAll(entry.name, evaluate(entry, draft, snapshot));
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          String warning = Texts.ruleFailed(entry.name, e);
          out.add(WarningLog.ASSEMBLER, warning);
          logOnce("rule:" + entry.name, warning, e);
        }
      }
    }
    long wallDeadline = wallStart + deadline.toNanos();
    long tickDeadline = startTick + deadline.toNanos();
    pending.forEach((entry, future) -> {
      await(future, wallDeadline, tickDeadline, interrupts);
      if (future.isDone()) {
        Throwable failure = failureOf(future);
        if (failure == null) {
          out.addAll(entry.name, doneValue(future));
        } else {
          String warning = Texts.ruleFailed(entry.name, failure);
          out.add(WarningLog.ASSEMBLER, warning);
          logOnce("rule:" + entry.name, warning, failure);
        }
      } else {
        future.cancel(true);
        if (Objects.requireNonNull(claims.get(entry), "every started rule has a claim").compareAndSet(false, true)) {
          entry.busy.set(false); // it never started and now never will
        }
        String warning = Texts.ruleTimedOut(entry.name, deadline);
        out.add(WarningLog.ASSEMBLER, warning);
        logOnce("rule:" + entry.name, warning, null);
      }
    });
    return out;
  }

  private static List<String> evaluate(RegisteredRule entry, NodeDiagnostics draft, ClusterStateView snapshot) {
    List<?> raw = entry.rule.evaluate(draft, snapshot);
    if (raw == null) {
      throw new NullPointerException("rule " + entry.name + " returned null");
    }
    List<String> checked = new ArrayList<>(raw.size());
    for (Object warning : raw) {
      if (!(warning instanceof String)) {
        throw new ClassCastException("rule " + entry.name + " returned a warning that is not a string: " + warning);
      }
      checked.add((String) warning);
    }
    return checked;
  }

  /** Waits for {@code future} until either deadline passes; an interrupt is noted, not obeyed. */
  private void await(Future<?> future, long wallDeadline, long tickDeadline, Interrupts interrupts) {
    while (!future.isDone()) {
      // The ticker decides the budget; the wall clock bounds the wait even when a test ticker stands still.
      long remaining = Math.min(wallDeadline - System.nanoTime(), tickDeadline - ticker.read());
      if (remaining <= 0) {
        return;
      }
      try {
        future.get(remaining, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupts.seen = true;
      } catch (ExecutionException | CancellationException | TimeoutException e) {
        // Examined by the caller.
      }
    }
  }

  private static List<String> doneValue(Future<List<String>> future) {
    try {
      return future.get(0, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (ExecutionException | TimeoutException | CancellationException e) {
      return List.of();
    }
  }

  private static @Nullable Throwable failureOf(Future<?> future) {
    if (!future.isDone() || future.isCancelled()) {
      return null;
    }
    try {
      future.get(0, TimeUnit.NANOSECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() != null ? e.getCause() : e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (TimeoutException | CancellationException e) {
      return null;
    }
  }

  private List<RunnerSupervisorDiagnostics> readSupervisors(WarningLog warnings) {
    try {
      Collection<RunnerSupervisorDiagnostics> snapshots = runnerSupervisors.get();
      List<RunnerSupervisorDiagnostics> list = new ArrayList<>();
      if (snapshots != null) {
        for (Object snapshot : snapshots) {
          if (snapshot instanceof RunnerSupervisorDiagnostics) {
            list.add((RunnerSupervisorDiagnostics) snapshot);
          }
        }
      }
      return List.copyOf(list);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      logOnce("supervisors", "Runner supervisor diagnostics failed; reporting none", e);
      warnings.add(WarningLog.ASSEMBLER, Texts.supervisorsFailed(e));
      return List.of();
    }
  }

  private List<CollectorOutcome> orderedOutcomes(Map<RegisteredCollector, CollectorOutcome> outcomes) {
    List<CollectorOutcome> ordered = new ArrayList<>(collectors.size());
    for (RegisteredCollector entry : collectors) {
      CollectorOutcome outcome = outcomes.get(entry);
      if (outcome == null) {
        outcome = new CollectorOutcome(entry.name, entry.slot, entry.enabled ? Status.SKIPPED : Status.DISABLED,
            Duration.ZERO, null);
      }
      ordered.add(outcome);
    }
    return ordered;
  }

  private AssemblyReport minimalReport(Throwable failure, long startTick) {
    NodeDiagnostics bundle = new NodeDiagnostics(
        Timestamps.format(clock.instant()),
        RuntimeSection.build(nodeId, ClusterStateView.standalone(nodeId), hostFacts, null,
            RuntimeFallback.host(hostFacts, env)),
        null,
        NodeResourceDiagnostics.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(Texts.assemblyFailed(failure)));
    return new AssemblyReport(bundle, orderedOutcomes(Map.of()), null, elapsedSince(startTick),
        Map.of(WarningLog.ASSEMBLER, 1));
  }

  private static void emitJfr(List<CollectorOutcome> outcomes) {
    if (JfrHooks.collectorOutcomesEnabled()) {
      for (CollectorOutcome outcome : outcomes) {
        JfrHooks.collectorOutcome(outcome);
      }
    }
  }

  private Duration collectorBudget() {
    Duration capped = deadline.multipliedBy(4).dividedBy(5);
    return collectorTimeout.compareTo(capped) <= 0 ? collectorTimeout : capped;
  }

  private Duration elapsedSince(long startTick) {
    return Duration.ofNanos(Math.max(0, ticker.read() - startTick));
  }

  private void logOnce(String key, String message, @Nullable Throwable cause) {
    warnOnce.warn(key, message, cause);
  }

  private static @Nullable RegisteredCollector register(Collector<?> collector, int order,
      Map<String, Boolean> switches, List<CollectorLoadFailure> failures) {
    String type = collector.getClass().getName();
    try {
      String name = collector.name();
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("collector name is blank");
      }
      Slot<?> slot = collector.slot();
      if (slot == null) {
        throw new NullPointerException("collector " + name + " has no slot");
      }
      int priority = collector.priority();
      return new RegisteredCollector(collector, name, slot, priority, order, switches.getOrDefault(name, true));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      failures.add(new CollectorLoadFailure(type, e));
      return null;
    }
  }

  private static String ruleName(DiagnosticRule rule) {
    try {
      String name = rule.name();
      if (name != null && !name.isBlank()) {
        return name;
      }
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      LOG.warn("Rule {} has no usable name; using its class name", rule.getClass().getName(), e);
    }
    return rule.getClass().getName();
  }

  /**
   * Builds a {@link DiagnosticsAssembler}, in the Immutables dialect: {@code x(value)} sets, {@code
   * addX(value)} appends, {@link #build()} builds. Not thread-safe; use it from one thread.
   */
  public static final class Builder {

    private @Nullable String nodeId;
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();
    private final List<Collector<?>> collectors = new ArrayList<>();
    private final List<CollectorLoadFailure> loadFailures = new ArrayList<>();
    private final Map<String, Boolean> switches = new HashMap<>();
    private @Nullable ExecutorService executor;
    private Duration collectorTimeout = DEFAULT_COLLECTOR_TIMEOUT;
    private Duration deadline = DEFAULT_DEADLINE;
    private @Nullable ClusterStateView state;
    private Supplier<? extends Collection<RunnerSupervisorDiagnostics>> runnerSupervisors = List::of;
    private final List<DiagnosticRule> rules = new ArrayList<>(RuleSets.skulk());
    private HostFacts hostFacts = HostFacts.none();
    private @Nullable Long selfPid;

    private Builder() {}

    /** This node's id (required). */
    public Builder nodeId(String nodeId) {
      this.nodeId = requireText(nodeId, "nodeId");
      return this;
    }

    /** The clock for timestamps; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The ticker for durations and budgets; default {@link Ticker#system()}. */
    public Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** Registers a collector (after those registered before, which matters for priority ties). */
    public Builder addCollector(Collector<?> collector) {
      collectors.add(Objects.requireNonNull(collector, "collector"));
      return this;
    }

    /** Registers collectors, in order. */
    public Builder addCollectors(Iterable<? extends Collector<?>> collectors) {
      for (Collector<?> collector : collectors) {
        addCollector(collector);
      }
      return this;
    }

    /**
     * Registers every collector {@link ServiceLoader} finds through {@code classLoader}. Each
     * provider is loaded and constructed on its own: one that fails to load, link or construct is
     * logged with its cause and reported ({@link DiagnosticsAssembler#loadFailures()} and one bundle
     * warning), and the others still load.
     */
    @SuppressWarnings("rawtypes")
    public Builder discoverCollectors(ClassLoader classLoader) {
      Objects.requireNonNull(classLoader, "classLoader");
      Iterator<ServiceLoader.Provider<Collector>> providers;
      try {
        providers = ServiceLoader.load(Collector.class, classLoader).stream().iterator();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        loadFailures.add(new CollectorLoadFailure("unknown", e));
        return this;
      }
      int consecutiveErrors = 0;
      while (consecutiveErrors < 1000) {
        ServiceLoader.Provider<Collector> provider;
        try {
          if (!providers.hasNext()) {
            break;
          }
          provider = providers.next();
          consecutiveErrors = 0;
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          // The lookup moves past a provider it cannot load, so the next call tries the next one.
          consecutiveErrors++;
          loadFailures.add(new CollectorLoadFailure(providerName(e), unwrap(e)));
          continue;
        }
        String type = "unknown";
        try {
          type = provider.type().getName();
          Collector<?> collector = provider.get();
          if (collector == null) {
            throw new NullPointerException("provider returned null");
          }
          collectors.add(collector);
        } catch (VirtualMachineError e) {
          throw e;
        } catch (Throwable e) {
          loadFailures.add(new CollectorLoadFailure(type, unwrap(e)));
        }
      }
      return this;
    }

    /** Enables the collectors with this name (all are enabled by default); the last call per name wins. */
    public Builder enable(String name) {
      switches.put(requireText(name, "name"), Boolean.TRUE);
      return this;
    }

    /** Disables the collectors with this name: they are not called and report {@code DISABLED}. */
    public Builder disable(String name) {
      switches.put(requireText(name, "name"), Boolean.FALSE);
      return this;
    }

    /**
     * The executor collectors and foreign rules run on; it must run tasks on threads other than the
     * caller's. The assembler does not shut it down. Default: a bounded pool of daemon threads
     * owned by the assembler.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** The budget of one slot's collectors; default 2 s, capped at four fifths of the deadline. */
    public Builder collectorTimeout(Duration collectorTimeout) {
      this.collectorTimeout = requirePositive(collectorTimeout, "collectorTimeout");
      return this;
    }

    /** The deadline of a whole assembly; default 5 s. */
    public Builder deadline(Duration deadline) {
      this.deadline = requirePositive(deadline, "deadline");
      return this;
    }

    /** The host's event-sourced state; default {@link ClusterStateView#standalone(String)}. */
    public Builder state(ClusterStateView state) {
      this.state = Objects.requireNonNull(state, "state");
      return this;
    }

    /** Where the live runner supervisors' snapshots come from; default none. Called once per assembly. */
    public Builder runnerSupervisors(Supplier<? extends Collection<RunnerSupervisorDiagnostics>> runnerSupervisors) {
      this.runnerSupervisors = Objects.requireNonNull(runnerSupervisors, "runnerSupervisors");
      return this;
    }

    /** Replaces the rules; default {@link RuleSets#skulk()}. */
    public Builder rules(List<? extends DiagnosticRule> rules) {
      List<DiagnosticRule> copy = new ArrayList<>();
      for (DiagnosticRule rule : rules) {
        copy.add(Objects.requireNonNull(rule, "rule"));
      }
      this.rules.clear();
      this.rules.addAll(copy);
      return this;
    }

    /** Appends a rule to the current ones. */
    public Builder addRule(DiagnosticRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Facts only the host knows, handed to collectors and used for the fallback runtime; default none. */
    public Builder hostFacts(HostFacts hostFacts) {
      this.hostFacts = Objects.requireNonNull(hostFacts, "hostFacts");
      return this;
    }

    /** The pid of the Skulk node process; default this JVM's. */
    public Builder selfPid(long selfPid) {
      this.selfPid = selfPid;
      return this;
    }

    /**
     * Builds the assembler: reads each collector's name, slot and priority once (a collector whose
     * answers are unusable is reported, not registered) and, without an executor, starts the
     * default pool (its threads start on first use).
     *
     * @throws NullPointerException when no node id was given
     */
    public DiagnosticsAssembler build() {
      return new DiagnosticsAssembler(this);
    }

    private static String requireText(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration requirePositive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    private static Throwable unwrap(Throwable e) {
      return e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
    }

    private static String providerName(Throwable e) {
      String message = e.getMessage();
      if (message != null) {
        Matcher matcher = PROVIDER_NAME.matcher(message);
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
      return "unknown";
    }
  }
}
