package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.model.AcceleratorMetrics;
import dev.skulk.diagnostics.model.AcceleratorMetricsBuilder;
import dev.skulk.diagnostics.model.AcceleratorVendor;
import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterDiagnosticsBuilder;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.ClusterTimelineBuilder;
import dev.skulk.diagnostics.model.ClusterTimelineEntry;
import dev.skulk.diagnostics.model.ClusterTimelineEntryBuilder;
import dev.skulk.diagnostics.model.ClusterTimelineRunner;
import dev.skulk.diagnostics.model.ClusterTimelineRunnerBuilder;
import dev.skulk.diagnostics.model.ClusterTimelineUnreachable;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequest;
import dev.skulk.diagnostics.model.DiagnosticCaptureRequestBuilder;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponseBuilder;
import dev.skulk.diagnostics.model.DiagnosticProcessSample;
import dev.skulk.diagnostics.model.DiagnosticProcessSampleBuilder;
import dev.skulk.diagnostics.model.DiagnosticsProcess;
import dev.skulk.diagnostics.model.DiagnosticsProcessBuilder;
import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.InstancePlacementDiagnostics;
import dev.skulk.diagnostics.model.InstancePlacementDiagnosticsBuilder;
import dev.skulk.diagnostics.model.InterfaceType;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MemoryUsage;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.NetworkInterfaceInfo;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.NodeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeIdentity;
import dev.skulk.diagnostics.model.NodeIdentityBuilder;
import dev.skulk.diagnostics.model.NodeNetworkInfo;
import dev.skulk.diagnostics.model.NodeResourceDiagnostics;
import dev.skulk.diagnostics.model.NodeResourceDiagnosticsBuilder;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnostics;
import dev.skulk.diagnostics.model.NodeRuntimeDiagnosticsBuilder;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnostics;
import dev.skulk.diagnostics.model.PlacementRunnerDiagnosticsBuilder;
import dev.skulk.diagnostics.model.ProcessRole;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticContextBuilder;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerDiagnosticValue;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntry;
import dev.skulk.diagnostics.model.RunnerFlightRecorderEntryBuilder;
import dev.skulk.diagnostics.model.RunnerLifecycleMilestone;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnostics;
import dev.skulk.diagnostics.model.RunnerSupervisorDiagnosticsBuilder;
import dev.skulk.diagnostics.model.RunnerTaskDiagnostics;
import dev.skulk.diagnostics.model.RunnerTaskDiagnosticsBuilder;
import dev.skulk.diagnostics.model.SystemPerformanceProfile;
import dev.skulk.diagnostics.model.SystemPerformanceProfileBuilder;
import dev.skulk.diagnostics.model.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for every type of the diagnostics model, for property tests of code that
 * reads, writes or transforms bundles. Values cover the whole wire contract: nulls in every
 * optional field, empty and non-empty lists, every enum value, every kind of attrs value, doubles
 * of any magnitude (never NaN or infinite, which the wire cannot carry), longs beyond 2^53,
 * non-ASCII text, Python-style timestamps and odd timestamp strings a Python peer would accept.
 *
 * <p>Stateless and thread-safe. Bundles are kept small (a few entries per list) so that hundreds
 * of tries stay fast.
 */
public final class DiagnosticsArbitraries {

  private DiagnosticsArbitraries() {}

  // ---- scalars -------------------------------------------------------------------------------

  /** Identifier-like strings: short ids, UUIDs, libp2p-style peer ids. */
  public static Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(16),
        Arbitraries.create(java.util.UUID::randomUUID).map(Object::toString),
        Arbitraries.strings().alpha().numeric().ofLength(40).map(s -> "12D3KooW" + s));
  }

  /** Whether a string has no unpaired surrogate (which no UTF-8 encoder, Java's or Python's, can write). */
  private static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Free text, including non-ASCII (an ellipsis, accents, an emoji), quotes, backslashes and control characters. */
  public static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(24).filter(DiagnosticsArbitraries::isWellFormed),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
        Arbitraries.of("", "…", "Runner 0123abcd…7890 is warming up", "naïve ✓", "rocket 🚀", "quote \" and \\ slash",
            "tab\tnew\nline", "\u0000\u001f"));
  }

  /**
   * Timestamp strings: mostly exactly as Python writes them (with and without fraction), sometimes
   * with {@code Z} or another offset, sometimes a string that is no timestamp at all (a Python peer
   * accepts any string there).
   */
  public static Arbitrary<String> timestamps() {
    Arbitrary<Instant> instants =
        Arbitraries.longs().between(0, 4_102_444_800_000_000L).map(micros ->
            Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, instants.map(Timestamps::format)),
        net.jqwik.api.Tuple.of(2, instants.map(i -> Timestamps.format(i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))),
        net.jqwik.api.Tuple.of(1, instants.map(Instant::toString)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of("string", "", "yesterday", "2026-11-27 03:13:13+00:00")));
  }

  /** Any finite double: tiny, huge, negative, negative zero, whole, fractional. */
  public static Arbitrary<Double> finiteDoubles() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(-1e6, 1e6),
        Arbitraries.doubles().between(0, 100).ofScale(2),
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
        Arbitraries.of(0.0, -0.0, 1e-5, 9.99e-6, 1e16, 1e15, 0.1, 123456789.0, Double.MIN_VALUE, Double.MAX_VALUE));
  }

  /** Non-negative doubles as measured quantities are (percentages, seconds, watts). */
  public static Arbitrary<Double> measurements() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 100).ofScale(3),
        Arbitraries.doubles().between(0, 1e7),
        Arbitraries.of(0.0, 1e-7, 0.000015, 40.0));
  }

  /** Longs of any magnitude, including beyond 2^53 (where a double would lose digits). */
  public static Arbitrary<Long> longs() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1L << 40),
        Arbitraries.longs(),
        Arbitraries.of((1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE, -1L));
  }

  private static Arbitrary<Integer> smallInts() {
    return Arbitraries.integers().between(0, 128);
  }

  private static Arbitrary<Long> pids() {
    return Arbitraries.longs().between(1, 4_194_304);
  }

  private static <T> Arbitrary<List<T>> few(Arbitrary<T> elements) {
    return elements.list().ofMaxSize(3);
  }

  // ---- model types ---------------------------------------------------------------------------

  /** Memory amounts, negative ones included (free swap can be reported negative). */
  public static Arbitrary<Memory> memory() {
    return longs().map(Memory::new);
  }

  public static Arbitrary<MemoryUsage> memoryUsage() {
    return Combinators.combine(memory(), memory(), memory(), memory()).as(MemoryUsage::new);
  }

  public static Arbitrary<DiskUsage> diskUsage() {
    return Combinators.combine(memory(), memory()).as(DiskUsage::new);
  }

  public static Arbitrary<AcceleratorMetrics> acceleratorMetrics() {
    return Builders.withBuilder(AcceleratorMetricsBuilder::new)
        .use(Arbitraries.of(AcceleratorVendor.class)).inSetter(AcceleratorMetricsBuilder::vendor)
        .use(texts()).inSetter(AcceleratorMetricsBuilder::name)
        .use(Arbitraries.doubles().between(0, 1).injectNull(0.3)).inSetter(AcceleratorMetricsBuilder::utilizationRatio)
        .use(longs().injectNull(0.3)).inSetter(AcceleratorMetricsBuilder::vramTotalBytes)
        .use(longs().injectNull(0.3)).inSetter(AcceleratorMetricsBuilder::vramUsedBytes)
        .use(longs().injectNull(0.5)).inSetter(AcceleratorMetricsBuilder::gttTotalBytes)
        .use(measurements().injectNull(0.3)).inSetter(AcceleratorMetricsBuilder::powerWatts)
        .use(finiteDoubles().injectNull(0.3)).inSetter(AcceleratorMetricsBuilder::temperatureCelsius)
        .use(Arbitraries.integers().between(0, 4000).injectNull(0.3)).inSetter(AcceleratorMetricsBuilder::clockMhz)
        .build(AcceleratorMetricsBuilder::build);
  }

  public static Arbitrary<SystemPerformanceProfile> systemPerformanceProfile() {
    return Builders.withBuilder(SystemPerformanceProfileBuilder::new)
        .use(measurements()).inSetter(SystemPerformanceProfileBuilder::gpuUsage)
        .use(finiteDoubles()).inSetter(SystemPerformanceProfileBuilder::temp)
        .use(measurements()).inSetter(SystemPerformanceProfileBuilder::sysPower)
        .use(measurements()).inSetter(SystemPerformanceProfileBuilder::pcpuUsage)
        .use(measurements()).inSetter(SystemPerformanceProfileBuilder::ecpuUsage)
        .use(acceleratorMetrics().injectNull(0.3)).inSetter(SystemPerformanceProfileBuilder::accelerator)
        .build(SystemPerformanceProfileBuilder::build);
  }

  public static Arbitrary<NetworkInterfaceInfo> networkInterfaceInfo() {
    Arbitrary<String> names = Arbitraries.of("en0", "en1", "en5", "eth0", "lo", "wlan0", "bridge0", "thunderbolt0");
    Arbitrary<String> addresses = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 255).list().ofSize(4).map(o -> o.get(0) + "." + o.get(1) + "." + o.get(2) + "." + o.get(3)),
        Arbitraries.of("::1", "fe80::1c2d:3e4f:5a6b:7c8d", "2001:db8::42"));
    return Combinators.combine(names, addresses, Arbitraries.of(InterfaceType.class)).as(NetworkInterfaceInfo::new);
  }

  public static Arbitrary<NodeNetworkInfo> nodeNetworkInfo() {
    return few(networkInterfaceInfo()).map(NodeNetworkInfo::new);
  }

  public static Arbitrary<NodeIdentity> nodeIdentity() {
    return Builders.withBuilder(NodeIdentityBuilder::new)
        .use(Arbitraries.of("Mac16,9", "Unknown", "MacBookPro18,2")).inSetter(NodeIdentityBuilder::modelId)
        .use(Arbitraries.of("Apple M4 Max", "AMD Ryzen AI Max+ 395", "Unknown")).inSetter(NodeIdentityBuilder::chipId)
        .use(texts()).inSetter(NodeIdentityBuilder::friendlyName)
        .use(Arbitraries.of("15.3.1", "Debian 12", "Unknown")).inSetter(NodeIdentityBuilder::osVersion)
        .use(Arbitraries.of("24D70", "6.1.0-18", "Unknown")).inSetter(NodeIdentityBuilder::osBuildVersion)
        .use(Arbitraries.of("0.3.1", "Unknown")).inSetter(NodeIdentityBuilder::skulkVersion)
        .use(Arbitraries.of("a1b2c3d", "Unknown")).inSetter(NodeIdentityBuilder::skulkCommit)
        .build(NodeIdentityBuilder::build);
  }

  public static Arbitrary<NodeResourceDiagnostics> nodeResourceDiagnostics() {
    return Builders.withBuilder(NodeResourceDiagnosticsBuilder::new)
        .use(memoryUsage().injectNull(0.3)).inSetter(NodeResourceDiagnosticsBuilder::gatheredMemory)
        .use(memoryUsage().injectNull(0.3)).inSetter(NodeResourceDiagnosticsBuilder::currentMemory)
        .use(memory().injectNull(0.5)).inSetter(NodeResourceDiagnosticsBuilder::currentWired)
        .use(diskUsage().injectNull(0.3)).inSetter(NodeResourceDiagnosticsBuilder::disk)
        .use(systemPerformanceProfile().injectNull(0.3)).inSetter(NodeResourceDiagnosticsBuilder::system)
        .use(nodeNetworkInfo().injectNull(0.3)).inSetter(NodeResourceDiagnosticsBuilder::network)
        .build(NodeResourceDiagnosticsBuilder::build);
  }

  public static Arbitrary<NodeRuntimeDiagnostics> nodeRuntimeDiagnostics() {
    return Builders.withBuilder(NodeRuntimeDiagnosticsBuilder::new)
        .use(ids()).inSetter(NodeRuntimeDiagnosticsBuilder::nodeId)
        .use(Arbitraries.of("kite", "studio-1.local", "gpu-node-07")).inSetter(NodeRuntimeDiagnosticsBuilder::hostname)
        .use(texts().injectNull(0.3)).inSetter(NodeRuntimeDiagnosticsBuilder::friendlyName)
        .use(Arbitraries.of(true, false)).inSetter(NodeRuntimeDiagnosticsBuilder::isMaster)
        .use(ids().injectNull(0.3)).inSetter(NodeRuntimeDiagnosticsBuilder::masterNodeId)
        .use(Arbitraries.of("/Users/kite/skulk", "/srv/skulk")).inSetter(NodeRuntimeDiagnosticsBuilder::cwd)
        .use(Arbitraries.of("config.yaml", "/etc/skulk/config.yaml")).inSetter(NodeRuntimeDiagnosticsBuilder::configPath)
        .use(Arbitraries.of(true, false)).inSetter(NodeRuntimeDiagnosticsBuilder::configFileExists)
        .use(Arbitraries.of("0.3.1", "unknown")).inSetter(NodeRuntimeDiagnosticsBuilder::skulkVersion)
        .use(Arbitraries.of("a1b2c3d", "Unknown")).inSetter(NodeRuntimeDiagnosticsBuilder::skulkCommit)
        .use(Arbitraries.of("", "skulk-lab").injectNull(0.5)).inSetter(NodeRuntimeDiagnosticsBuilder::libp2pNamespace)
        .use(Arbitraries.of(true, false)).inSetter(NodeRuntimeDiagnosticsBuilder::pythonUnbuffered)
        .use(Arbitraries.of(true, false)).inSetter(NodeRuntimeDiagnosticsBuilder::tracingEnabled)
        .use(Arbitraries.of(true, false)).inSetter(NodeRuntimeDiagnosticsBuilder::structuredLoggingConfigured)
        .use(Arbitraries.of("http://vector.local:8686/ingest").injectNull(0.5)).inSetter(NodeRuntimeDiagnosticsBuilder::loggingIngestUrl)
        .build(NodeRuntimeDiagnosticsBuilder::build);
  }

  public static Arbitrary<DiagnosticsProcess> diagnosticsProcess() {
    return Builders.withBuilder(DiagnosticsProcessBuilder::new)
        .use(pids()).inSetter(DiagnosticsProcessBuilder::pid)
        .use(pids().injectNull(0.2)).inSetter(DiagnosticsProcessBuilder::parentPid)
        .use(Arbitraries.of(ProcessRole.class)).inSetter(DiagnosticsProcessBuilder::role)
        .use(Arbitraries.of("python -m exo.main", "/usr/bin/vector --config /etc/vector.toml", "java -jar skulk.jar", "")).inSetter(DiagnosticsProcessBuilder::command)
        .use(Arbitraries.of("running", "sleeping", "zombie").injectNull(0.2)).inSetter(DiagnosticsProcessBuilder::status)
        .use(measurements().injectNull(0.3)).inSetter(DiagnosticsProcessBuilder::cpuPercent)
        .use(Arbitraries.doubles().between(0, 100).injectNull(0.3)).inSetter(DiagnosticsProcessBuilder::memoryPercent)
        .use(memory().injectNull(0.3)).inSetter(DiagnosticsProcessBuilder::rss)
        .use(measurements().injectNull(0.3)).inSetter(DiagnosticsProcessBuilder::elapsedSeconds)
        .use(Arbitraries.of(true, false)).inSetter(DiagnosticsProcessBuilder::isChildOfSkulk)
        .build(DiagnosticsProcessBuilder::build);
  }

  public static Arbitrary<MlxMemorySnapshot> mlxMemorySnapshot() {
    return Combinators.combine(timestamps(), memory().injectNull(0.3), memory().injectNull(0.3),
            memory().injectNull(0.3), memory().injectNull(0.5), Arbitraries.of("mlx.core", "mlx-c"))
        .as(MlxMemorySnapshot::new);
  }

  /** Attribute values of every kind: string, integer, float, boolean, list of strings. */
  public static Arbitrary<RunnerDiagnosticValue> runnerDiagnosticValue() {
    return Arbitraries.oneOf(
        texts().map(RunnerDiagnosticValue::of),
        longs().map(RunnerDiagnosticValue::of),
        finiteDoubles().map(RunnerDiagnosticValue::of),
        Arbitraries.of(true, false).map(RunnerDiagnosticValue::of),
        few(texts()).map(RunnerDiagnosticValue::of));
  }

  /** Attribute maps (insertion order is part of the value: it is kept on the wire). */
  public static Arbitrary<Map<String, RunnerDiagnosticValue>> attrs() {
    return Arbitraries.maps(Arbitraries.strings().alpha().withChars('_').ofMinLength(1).ofMaxLength(12), runnerDiagnosticValue())
        .ofMaxSize(4)
        .map(m -> {
          Map<String, RunnerDiagnosticValue> ordered = new java.util.LinkedHashMap<>();
          m.forEach(ordered::put);
          return ordered;
        });
  }

  public static Arbitrary<RunnerDiagnosticContext> runnerDiagnosticContext() {
    return Builders.withBuilder(RunnerDiagnosticContextBuilder::new)
        .use(ids()).inSetter(RunnerDiagnosticContextBuilder::nodeId)
        .use(ids()).inSetter(RunnerDiagnosticContextBuilder::runnerId)
        .use(pids().injectNull(0.3)).inSetter(RunnerDiagnosticContextBuilder::pid)
        .use(ids()).inSetter(RunnerDiagnosticContextBuilder::instanceId)
        .use(Arbitraries.of("mlx-community/Llama-3.3-70B-Instruct-4bit", "Qwen/Qwen3-235B-A22B")).inSetter(RunnerDiagnosticContextBuilder::modelId)
        .use(smallInts()).inSetter(RunnerDiagnosticContextBuilder::rank)
        .use(smallInts()).inSetter(RunnerDiagnosticContextBuilder::worldSize)
        .use(smallInts()).inSetter(RunnerDiagnosticContextBuilder::startLayer)
        .use(smallInts()).inSetter(RunnerDiagnosticContextBuilder::endLayer)
        .use(smallInts()).inSetter(RunnerDiagnosticContextBuilder::nLayers)
        .build(RunnerDiagnosticContextBuilder::build);
  }

  public static Arbitrary<RunnerFlightRecorderEntry> runnerFlightRecorderEntry() {
    return Builders.withBuilder(RunnerFlightRecorderEntryBuilder::new)
        .use(timestamps()).inSetter(RunnerFlightRecorderEntryBuilder::at)
        .use(Arbitraries.of(RunnerPhase.class)).inSetter(RunnerFlightRecorderEntryBuilder::phase)
        .use(Arbitraries.of("enter", "exit", "token_7", "exception")).inSetter(RunnerFlightRecorderEntryBuilder::event)
        .use(texts().injectNull(0.3)).inSetter(RunnerFlightRecorderEntryBuilder::detail)
        .use(attrs()).inSetter(RunnerFlightRecorderEntryBuilder::attrs)
        .use(runnerDiagnosticContext()).inSetter(RunnerFlightRecorderEntryBuilder::context)
        .use(ids().injectNull(0.3)).inSetter(RunnerFlightRecorderEntryBuilder::taskId)
        .use(ids().injectNull(0.3)).inSetter(RunnerFlightRecorderEntryBuilder::commandId)
        .use(mlxMemorySnapshot().injectNull(0.7)).inSetter(RunnerFlightRecorderEntryBuilder::mlxMemory)
        .build(RunnerFlightRecorderEntryBuilder::build);
  }

  /** Runner updates: the same shape as flight-recorder entries. */
  public static Arbitrary<RunnerDiagnosticUpdate> runnerDiagnosticUpdate() {
    return runnerFlightRecorderEntry().map(e -> new RunnerDiagnosticUpdate(e.at(), e.phase(), e.event(), e.detail(),
        e.attrs(), e.context(), e.taskId(), e.commandId(), e.mlxMemory()));
  }

  public static Arbitrary<RunnerTaskDiagnostics> runnerTaskDiagnostics() {
    return Builders.withBuilder(RunnerTaskDiagnosticsBuilder::new)
        .use(ids()).inSetter(RunnerTaskDiagnosticsBuilder::taskId)
        .use(Arbitraries.of("ChatCompletion", "ImageGeneration", "CreateRunner")).inSetter(RunnerTaskDiagnosticsBuilder::taskKind)
        .use(Arbitraries.of("Pending", "Running", "Complete", "Failed", "Cancelled")).inSetter(RunnerTaskDiagnosticsBuilder::taskStatus)
        .use(ids()).inSetter(RunnerTaskDiagnosticsBuilder::instanceId)
        .use(ids().injectNull(0.4)).inSetter(RunnerTaskDiagnosticsBuilder::commandId)
        .use(ids().injectNull(0.4)).inSetter(RunnerTaskDiagnosticsBuilder::runnerId)
        .use(ids().injectNull(0.4)).inSetter(RunnerTaskDiagnosticsBuilder::modelId)
        .build(RunnerTaskDiagnosticsBuilder::build);
  }

  public static Arbitrary<RunnerLifecycleMilestone> runnerLifecycleMilestone() {
    return Combinators.combine(timestamps(), Arbitraries.of("supervisor_created", "phase:decode_stream", "status:RunnerReady"),
        texts().injectNull(0.3)).as(RunnerLifecycleMilestone::new);
  }

  public static Arbitrary<RunnerSupervisorDiagnostics> runnerSupervisorDiagnostics() {
    return Builders.withBuilder(RunnerSupervisorDiagnosticsBuilder::new)
        .use(ids()).inSetter(RunnerSupervisorDiagnosticsBuilder::runnerId)
        .use(ids()).inSetter(RunnerSupervisorDiagnosticsBuilder::instanceId)
        .use(ids()).inSetter(RunnerSupervisorDiagnosticsBuilder::nodeId)
        .use(Arbitraries.of("mlx-community/Llama-3.3-70B-Instruct-4bit", "Qwen/Qwen3-235B-A22B")).inSetter(RunnerSupervisorDiagnosticsBuilder::modelId)
        .use(smallInts()).inSetter(RunnerSupervisorDiagnosticsBuilder::deviceRank)
        .use(smallInts()).inSetter(RunnerSupervisorDiagnosticsBuilder::worldSize)
        .use(smallInts()).inSetter(RunnerSupervisorDiagnosticsBuilder::startLayer)
        .use(smallInts()).inSetter(RunnerSupervisorDiagnosticsBuilder::endLayer)
        .use(smallInts()).inSetter(RunnerSupervisorDiagnosticsBuilder::nLayers)
        .use(pids().injectNull(0.2)).inSetter(RunnerSupervisorDiagnosticsBuilder::pid)
        .use(Arbitraries.of(true, false)).inSetter(RunnerSupervisorDiagnosticsBuilder::processAlive)
        .use(Arbitraries.integers().between(-15, 255).injectNull(0.6)).inSetter(RunnerSupervisorDiagnosticsBuilder::exitCode)
        .use(Arbitraries.of("RunnerIdle", "RunnerWarmingUp", "RunnerReady", "RunnerRunning", "RunnerFailed")).inSetter(RunnerSupervisorDiagnosticsBuilder::statusKind)
        .use(timestamps()).inSetter(RunnerSupervisorDiagnosticsBuilder::statusSince)
        .use(measurements()).inSetter(RunnerSupervisorDiagnosticsBuilder::secondsInStatus)
        .use(Arbitraries.of(RunnerPhase.class)).inSetter(RunnerSupervisorDiagnosticsBuilder::phase)
        .use(timestamps()).inSetter(RunnerSupervisorDiagnosticsBuilder::phaseStartedAt)
        .use(measurements()).inSetter(RunnerSupervisorDiagnosticsBuilder::secondsInPhase)
        .use(timestamps().injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::lastProgressAt)
        .use(ids().injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::activeTaskId)
        .use(ids().injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::activeCommandId)
        .use(texts().injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::phaseDetail)
        .use(mlxMemorySnapshot().injectNull(0.5)).inSetter(RunnerSupervisorDiagnosticsBuilder::lastMlxMemory)
        .use(few(runnerFlightRecorderEntry())).inSetter(RunnerSupervisorDiagnosticsBuilder::flightRecorder)
        .use(few(ids())).inSetter(RunnerSupervisorDiagnosticsBuilder::pendingTaskIds)
        .use(few(runnerTaskDiagnostics())).inSetter(RunnerSupervisorDiagnosticsBuilder::inProgressTasks)
        .use(Arbitraries.integers().between(0, 100_000)).inSetter(RunnerSupervisorDiagnosticsBuilder::completedTaskCount)
        .use(few(ids())).inSetter(RunnerSupervisorDiagnosticsBuilder::cancelledTaskIds)
        .use(timestamps().injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::lastTaskSentAt)
        .use(timestamps().injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::lastEventReceivedAt)
        .use(Arbitraries.of("RunnerStatusUpdated", "ChunkGenerated").injectNull(0.3)).inSetter(RunnerSupervisorDiagnosticsBuilder::lastEventType)
        .use(few(runnerLifecycleMilestone())).inSetter(RunnerSupervisorDiagnosticsBuilder::milestones)
        .build(RunnerSupervisorDiagnosticsBuilder::build);
  }

  public static Arbitrary<PlacementRunnerDiagnostics> placementRunnerDiagnostics() {
    return Builders.withBuilder(PlacementRunnerDiagnosticsBuilder::new)
        .use(ids()).inSetter(PlacementRunnerDiagnosticsBuilder::runnerId)
        .use(ids()).inSetter(PlacementRunnerDiagnosticsBuilder::nodeId)
        .use(texts().injectNull(0.4)).inSetter(PlacementRunnerDiagnosticsBuilder::friendlyName)
        .use(Arbitraries.of("RunnerWarmingUp", "RunnerReady").injectNull(0.3)).inSetter(PlacementRunnerDiagnosticsBuilder::statusKind)
        .use(smallInts()).inSetter(PlacementRunnerDiagnosticsBuilder::deviceRank)
        .use(smallInts()).inSetter(PlacementRunnerDiagnosticsBuilder::worldSize)
        .use(smallInts()).inSetter(PlacementRunnerDiagnosticsBuilder::startLayer)
        .use(smallInts()).inSetter(PlacementRunnerDiagnosticsBuilder::endLayer)
        .use(smallInts()).inSetter(PlacementRunnerDiagnosticsBuilder::nLayers)
        .use(Arbitraries.of(true, false)).inSetter(PlacementRunnerDiagnosticsBuilder::isLocal)
        .use(Arbitraries.of(true, false)).inSetter(PlacementRunnerDiagnosticsBuilder::isMaster)
        .use(few(runnerTaskDiagnostics())).inSetter(PlacementRunnerDiagnosticsBuilder::tasks)
        .build(PlacementRunnerDiagnosticsBuilder::build);
  }

  public static Arbitrary<InstancePlacementDiagnostics> instancePlacementDiagnostics() {
    return Builders.withBuilder(InstancePlacementDiagnosticsBuilder::new)
        .use(ids()).inSetter(InstancePlacementDiagnosticsBuilder::instanceId)
        .use(Arbitraries.of("mlx-community/Llama-3.3-70B-Instruct-4bit")).inSetter(InstancePlacementDiagnosticsBuilder::modelId)
        .use(ids().injectNull(0.3)).inSetter(InstancePlacementDiagnosticsBuilder::masterNodeId)
        .use(Arbitraries.of(true, false)).inSetter(InstancePlacementDiagnosticsBuilder::masterIsPlacementNode)
        .use(Arbitraries.of(true, false)).inSetter(InstancePlacementDiagnosticsBuilder::localNodeIsPlacementNode)
        .use(few(ids())).inSetter(InstancePlacementDiagnosticsBuilder::placementNodeIds)
        .use(few(placementRunnerDiagnostics())).inSetter(InstancePlacementDiagnosticsBuilder::runners)
        .use(few(texts())).inSetter(InstancePlacementDiagnosticsBuilder::warnings)
        .build(InstancePlacementDiagnosticsBuilder::build);
  }

  public static Arbitrary<NodeDiagnostics> nodeDiagnostics() {
    return Builders.withBuilder(NodeDiagnosticsBuilder::new)
        .use(timestamps()).inSetter(NodeDiagnosticsBuilder::generatedAt)
        .use(nodeRuntimeDiagnostics()).inSetter(NodeDiagnosticsBuilder::runtime)
        .use(nodeIdentity().injectNull(0.3)).inSetter(NodeDiagnosticsBuilder::identity)
        .use(nodeResourceDiagnostics()).inSetter(NodeDiagnosticsBuilder::resources)
        .use(few(diagnosticsProcess())).inSetter(NodeDiagnosticsBuilder::processes)
        .use(runnerSupervisorDiagnostics().list().ofMaxSize(2)).inSetter(NodeDiagnosticsBuilder::supervisorRunners)
        .use(instancePlacementDiagnostics().list().ofMaxSize(2)).inSetter(NodeDiagnosticsBuilder::placements)
        .use(few(texts())).inSetter(NodeDiagnosticsBuilder::warnings)
        .build(NodeDiagnosticsBuilder::build);
  }

  public static Arbitrary<ClusterNodeDiagnostics> clusterNodeDiagnostics() {
    Arbitrary<ClusterNodeDiagnostics> ok = Combinators.combine(ids(), Arbitraries.of("http://10.0.0.2:52415").injectNull(0.5), nodeDiagnostics())
        .as((id, url, bundle) -> new ClusterNodeDiagnosticsBuilder().nodeId(id).url(url).ok(true).diagnostics(bundle).build());
    Arbitrary<ClusterNodeDiagnostics> failed = Combinators.combine(ids(), Arbitraries.of("http://10.0.0.3:52415"),
            Arbitraries.of("ConnectError: connection refused", "ReadTimeout: no answer within 10.0s"))
        .as((id, url, error) -> new ClusterNodeDiagnosticsBuilder().nodeId(id).url(url).ok(false).error(error).build());
    return Arbitraries.oneOf(ok, failed);
  }

  public static Arbitrary<ClusterDiagnostics> clusterDiagnostics() {
    return Combinators.combine(timestamps(), ids(), ids().injectNull(0.3), clusterNodeDiagnostics().list().ofMaxSize(2))
        .as((at, local, master, nodes) -> new ClusterDiagnosticsBuilder()
            .generatedAt(at).localNodeId(local).masterNodeId(master).nodes(nodes).build());
  }

  public static Arbitrary<ClusterTimelineRunner> clusterTimelineRunner() {
    return Builders.withBuilder(ClusterTimelineRunnerBuilder::new)
        .use(ids()).inSetter(ClusterTimelineRunnerBuilder::nodeId)
        .use(ids()).inSetter(ClusterTimelineRunnerBuilder::runnerId)
        .use(ids()).inSetter(ClusterTimelineRunnerBuilder::instanceId)
        .use(Arbitraries.of("mlx-community/Llama-3.3-70B-Instruct-4bit")).inSetter(ClusterTimelineRunnerBuilder::modelId)
        .use(smallInts()).inSetter(ClusterTimelineRunnerBuilder::deviceRank)
        .use(smallInts()).inSetter(ClusterTimelineRunnerBuilder::worldSize)
        .use(pids().injectNull(0.3)).inSetter(ClusterTimelineRunnerBuilder::pid)
        .use(Arbitraries.of(true, false)).inSetter(ClusterTimelineRunnerBuilder::processAlive)
        .use(Arbitraries.of("RunnerReady", "RunnerRunning")).inSetter(ClusterTimelineRunnerBuilder::statusKind)
        .use(Arbitraries.of(RunnerPhase.class)).inSetter(ClusterTimelineRunnerBuilder::phase)
        .use(texts().injectNull(0.3)).inSetter(ClusterTimelineRunnerBuilder::phaseDetail)
        .use(measurements()).inSetter(ClusterTimelineRunnerBuilder::secondsInPhase)
        .use(timestamps().injectNull(0.3)).inSetter(ClusterTimelineRunnerBuilder::lastProgressAt)
        .use(ids().injectNull(0.3)).inSetter(ClusterTimelineRunnerBuilder::activeTaskId)
        .use(ids().injectNull(0.3)).inSetter(ClusterTimelineRunnerBuilder::activeCommandId)
        .use(mlxMemorySnapshot().injectNull(0.5)).inSetter(ClusterTimelineRunnerBuilder::lastMlxMemory)
        .build(ClusterTimelineRunnerBuilder::build);
  }

  public static Arbitrary<ClusterTimelineEntry> clusterTimelineEntry() {
    return Builders.withBuilder(ClusterTimelineEntryBuilder::new)
        .use(timestamps()).inSetter(ClusterTimelineEntryBuilder::at)
        .use(ids()).inSetter(ClusterTimelineEntryBuilder::nodeId)
        .use(ids()).inSetter(ClusterTimelineEntryBuilder::runnerId)
        .use(smallInts()).inSetter(ClusterTimelineEntryBuilder::deviceRank)
        .use(smallInts()).inSetter(ClusterTimelineEntryBuilder::worldSize)
        .use(Arbitraries.of(RunnerPhase.class)).inSetter(ClusterTimelineEntryBuilder::phase)
        .use(Arbitraries.of("enter", "exit", "token_3")).inSetter(ClusterTimelineEntryBuilder::event)
        .use(texts().injectNull(0.3)).inSetter(ClusterTimelineEntryBuilder::detail)
        .use(attrs()).inSetter(ClusterTimelineEntryBuilder::attrs)
        .use(ids().injectNull(0.3)).inSetter(ClusterTimelineEntryBuilder::taskId)
        .use(ids().injectNull(0.3)).inSetter(ClusterTimelineEntryBuilder::commandId)
        .use(mlxMemorySnapshot().injectNull(0.7)).inSetter(ClusterTimelineEntryBuilder::mlxMemory)
        .build(ClusterTimelineEntryBuilder::build);
  }

  public static Arbitrary<ClusterTimeline> clusterTimeline() {
    Arbitrary<ClusterTimelineUnreachable> unreachable = Combinators.combine(ids(),
            Arbitraries.of("http://10.0.0.9:52415").injectNull(0.3), Arbitraries.of("Node diagnostics returned no payload.", "ConnectError: refused"))
        .as(ClusterTimelineUnreachable::new);
    return Builders.withBuilder(ClusterTimelineBuilder::new)
        .use(timestamps()).inSetter(ClusterTimelineBuilder::generatedAt)
        .use(ids()).inSetter(ClusterTimelineBuilder::localNodeId)
        .use(ids().injectNull(0.3)).inSetter(ClusterTimelineBuilder::masterNodeId)
        .use(few(clusterTimelineRunner())).inSetter(ClusterTimelineBuilder::runners)
        .use(few(clusterTimelineEntry())).inSetter(ClusterTimelineBuilder::timeline)
        .use(few(unreachable)).inSetter(ClusterTimelineBuilder::unreachableNodes)
        .build(ClusterTimelineBuilder::build);
  }

  public static Arbitrary<DiagnosticCaptureRequest> diagnosticCaptureRequest() {
    return Builders.withBuilder(DiagnosticCaptureRequestBuilder::new)
        .use(ids().injectNull(0.5)).inSetter(DiagnosticCaptureRequestBuilder::runnerId)
        .use(ids().injectNull(0.5)).inSetter(DiagnosticCaptureRequestBuilder::taskId)
        .use(Arbitraries.of(true, false)).inSetter(DiagnosticCaptureRequestBuilder::includeProcessSamples)
        .use(Arbitraries.doubles().between(1, 10)).inSetter(DiagnosticCaptureRequestBuilder::sampleDurationSeconds)
        .build(DiagnosticCaptureRequestBuilder::build);
  }

  public static Arbitrary<DiagnosticProcessSample> diagnosticProcessSample() {
    return Builders.withBuilder(DiagnosticProcessSampleBuilder::new)
        .use(Arbitraries.of("sample", "vmmap", "footprint", "proc-status")).inSetter(DiagnosticProcessSampleBuilder::name)
        .use(few(Arbitraries.of("sample", "4242", "3"))).inSetter(DiagnosticProcessSampleBuilder::command)
        .use(Arbitraries.of(true, false)).inSetter(DiagnosticProcessSampleBuilder::ok)
        .use(Arbitraries.integers().between(-9, 2).injectNull(0.3)).inSetter(DiagnosticProcessSampleBuilder::exitCode)
        .use(measurements()).inSetter(DiagnosticProcessSampleBuilder::durationSeconds)
        .use(texts().injectNull(0.3)).inSetter(DiagnosticProcessSampleBuilder::stdout)
        .use(texts().injectNull(0.3)).inSetter(DiagnosticProcessSampleBuilder::stderr)
        .use(Arbitraries.of("Timed out after 8.0s", "sample not found on PATH").injectNull(0.6)).inSetter(DiagnosticProcessSampleBuilder::error)
        .build(DiagnosticProcessSampleBuilder::build);
  }

  public static Arbitrary<DiagnosticCaptureResponse> diagnosticCaptureResponse() {
    return Builders.withBuilder(DiagnosticCaptureResponseBuilder::new)
        .use(timestamps()).inSetter(DiagnosticCaptureResponseBuilder::generatedAt)
        .use(ids()).inSetter(DiagnosticCaptureResponseBuilder::nodeId)
        .use(nodeDiagnostics()).inSetter(DiagnosticCaptureResponseBuilder::nodeDiagnostics)
        .use(runnerSupervisorDiagnostics().injectNull(0.4)).inSetter(DiagnosticCaptureResponseBuilder::runner)
        .use(few(runnerFlightRecorderEntry())).inSetter(DiagnosticCaptureResponseBuilder::flightRecorder)
        .use(mlxMemorySnapshot().injectNull(0.5)).inSetter(DiagnosticCaptureResponseBuilder::mlxMemory)
        .use(few(diagnosticProcessSample())).inSetter(DiagnosticCaptureResponseBuilder::processSamples)
        .use(few(texts())).inSetter(DiagnosticCaptureResponseBuilder::warnings)
        .build(DiagnosticCaptureResponseBuilder::build);
  }
}
