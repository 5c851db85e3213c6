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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Seeded generators for every type of the diagnostics model, for property tests of code that reads,
 * writes or transforms bundles, with any test engine. Each method takes a {@link RandomGenerator}
 * (a {@code new SplittableRandom(seed)} or {@code new Random(seed)}) and returns one value; the same
 * seed gives the same values, so a failure reproduces from the seed a test prints. Values cover the
 * whole wire contract: nulls in every optional field, empty and non-empty lists, every enum value,
 * every kind of attrs value, doubles of any magnitude (never NaN or infinite, which the wire cannot
 * carry), longs beyond 2^53, non-ASCII text, Python-style timestamps and odd timestamp strings a
 * Python peer would accept.
 *
 * <p>A plain JUnit 5 property test loops over a seeded generator:
 *
 * <pre>{@code
 * long seed = 20261127L;
 * SplittableRandom random = new SplittableRandom(seed);
 * for (int i = 0; i < 200; i++) {
 *   NodeDiagnostics bundle = DiagnosticsGenerators.nodeDiagnostics(random);
 *   assertThat(roundTrip(bundle)).as("seed %d, case %d: %s", seed, i, bundle).isEqualTo(bundle);
 * }
 * }</pre>
 *
 * <p>A test engine with value sources of its own wraps any method in two lines; as an {@code
 * Arbitrary} of the engine whose {@code Arbitraries.randomValue} takes a {@code Random} (the engine
 * then supplies its seeded random, but cannot shrink a failing value):
 *
 * <pre>{@code
 * Arbitrary<NodeDiagnostics> nodes =
 *     Arbitraries.randomValue(DiagnosticsGenerators::nodeDiagnostics);
 * }</pre>
 *
 * <p>Stateless and thread-safe (the caller's generator is the only state; do not share one
 * between threads). Bundles are kept small (a few entries per list) so that hundreds of cases run
 * in well under a second; a node bundle costs some tens of microseconds.
 */
public final class DiagnosticsGenerators {

  private DiagnosticsGenerators() {}

  // ---- combinators ---------------------------------------------------------------------------

  @SafeVarargs
  private static <T> T pick(RandomGenerator random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static <E extends Enum<E>> E pick(RandomGenerator random, Class<E> type) {
    return pick(random, type.getEnumConstants());
  }

  /** {@code null} with probability {@code nullRatio}, else a value of {@code generator}. */
  private static <T> @Nullable T orNull(
      RandomGenerator random, double nullRatio, Function<RandomGenerator, T> generator) {
    return random.nextDouble() < nullRatio ? null : generator.apply(random);
  }

  private static <T> List<T> list(RandomGenerator random, int maxSize, Function<RandomGenerator, T> generator) {
    int size = random.nextInt(maxSize + 1);
    List<T> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(generator.apply(random));
    }
    return values;
  }

  private static <T> List<T> few(RandomGenerator random, Function<RandomGenerator, T> generator) {
    return list(random, 3, generator);
  }

  private static boolean bool(RandomGenerator random) {
    return random.nextBoolean();
  }

  private static double scaled(double value, int scale) {
    double factor = Math.pow(10, scale);
    return Math.round(value * factor) / factor;
  }

  private static String chars(RandomGenerator random, int minLength, int maxLength, String alphabet) {
    int length = minLength + random.nextInt(maxLength - minLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALPHANUMERIC = ALPHA + "0123456789";

  // ---- scalars -------------------------------------------------------------------------------

  /** Identifier-like strings: short ids, UUIDs, libp2p-style peer ids. */
  public static String ids(RandomGenerator random) {
    return switch (random.nextInt(3)) {
      case 0 -> chars(random, 1, 16, ALPHANUMERIC + "-_");
      case 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
      default -> "12D3KooW" + chars(random, 40, 40, ALPHANUMERIC);
    };
  }

  /** Any well-formed code point: control characters, ASCII, the rest of the BMP, supplementary planes. */
  private static int codePoint(RandomGenerator random) {
    while (true) {
      int codePoint = switch (random.nextInt(4)) {
        case 0 -> random.nextInt(0x20);
        case 1 -> random.nextInt(0x20, 0x7f);
        case 2 -> random.nextInt(0x80, 0x10000);
        default -> random.nextInt(0x10000, Character.MAX_CODE_POINT + 1);
      };
      // a lone surrogate is text no UTF-8 encoder, Java's or Python's, can write
      if (!(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        return codePoint;
      }
    }
  }

  /** Free text, including non-ASCII (an ellipsis, accents, an emoji), quotes, backslashes and control characters. */
  public static String texts(RandomGenerator random) {
    return switch (random.nextInt(3)) {
      case 0 -> {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(25);
        for (int i = 0; i < length; i++) {
          text.appendCodePoint(codePoint(random));
        }
        yield text.toString();
      }
      case 1 -> {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(41);
        for (int i = 0; i < length; i++) {
          text.append((char) random.nextInt(' ', '~' + 1));
        }
        yield text.toString();
      }
      default -> pick(random, "", "…", "Runner 0123abcd…7890 is warming up", "naïve ✓", "rocket 🚀",
          "quote \" and \\ slash", "tab\tnew\nline", "\u0000\u001f");
    };
  }

  private static Instant instant(RandomGenerator random) {
    long micros = random.nextLong(0, 4_102_444_800_000_000L + 1);
    return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
  }

  /**
   * Timestamp strings: mostly exactly as Python writes them (with and without fraction), sometimes
   * with {@code Z} or another offset, sometimes a string that is no timestamp at all (a Python peer
   * accepts any string there).
   */
  public static String timestamps(RandomGenerator random) {
    int roll = random.nextInt(10);
    if (roll < 6) {
      return Timestamps.format(instant(random));
    } else if (roll < 8) {
      return Timestamps.format(instant(random).truncatedTo(ChronoUnit.SECONDS));
    } else if (roll < 9) {
      return instant(random).toString();
    }
    return pick(random, "string", "", "yesterday", "2026-11-27 03:13:13+00:00");
  }

  /** Any finite double: tiny, huge, negative, negative zero, whole, fractional. */
  public static double finiteDoubles(RandomGenerator random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextDouble(-1e6, 1e6);
      case 1 -> scaled(random.nextDouble(0, 100), 2);
      case 2 -> {
        double value;
        do {
          value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        yield value;
      }
      default -> pick(random, 0.0, -0.0, 1e-5, 9.99e-6, 1e16, 1e15, 0.1, 123456789.0, Double.MIN_VALUE,
          Double.MAX_VALUE);
    };
  }

  /** Non-negative doubles as measured quantities are (percentages, seconds, watts). */
  public static double measurements(RandomGenerator random) {
    return switch (random.nextInt(3)) {
      case 0 -> scaled(random.nextDouble(0, 100), 3);
      case 1 -> random.nextDouble(0, 1e7);
      default -> pick(random, 0.0, 1e-7, 0.000015, 40.0);
    };
  }

  /** Longs of any magnitude, including beyond 2^53 (where a double would lose digits). */
  public static long longs(RandomGenerator random) {
    return switch (random.nextInt(3)) {
      case 0 -> random.nextLong(0, (1L << 40) + 1);
      case 1 -> random.nextLong();
      default -> pick(random, (1L << 53) + 1, Long.MAX_VALUE, Long.MIN_VALUE, -1L);
    };
  }

  private static int smallInts(RandomGenerator random) {
    return random.nextInt(0, 129);
  }

  private static long pids(RandomGenerator random) {
    return random.nextLong(1, 4_194_305);
  }

  // ---- model types ---------------------------------------------------------------------------

  /** Memory amounts, negative ones included (free swap can be reported negative). */
  public static Memory memory(RandomGenerator random) {
    return new Memory(longs(random));
  }

  /** A random {@code MemoryUsage}, as a Python peer could send it. */
  public static MemoryUsage memoryUsage(RandomGenerator random) {
    return new MemoryUsage(memory(random), memory(random), memory(random), memory(random));
  }

  /** A random {@code DiskUsage}, as a Python peer could send it. */
  public static DiskUsage diskUsage(RandomGenerator random) {
    return new DiskUsage(memory(random), memory(random));
  }

  /** A random {@code AcceleratorMetrics}, as a Python peer could send it. */
  public static AcceleratorMetrics acceleratorMetrics(RandomGenerator random) {
    return new AcceleratorMetricsBuilder()
        .vendor(pick(random, AcceleratorVendor.class))
        .name(texts(random))
        .utilizationRatio(orNull(random, 0.3, r -> random.nextDouble(0, 1)))
        .vramTotalBytes(orNull(random, 0.3, r -> longs(r)))
        .vramUsedBytes(orNull(random, 0.3, r -> longs(r)))
        .gttTotalBytes(orNull(random, 0.5, r -> longs(r)))
        .powerWatts(orNull(random, 0.3, r -> measurements(r)))
        .temperatureCelsius(orNull(random, 0.3, r -> finiteDoubles(r)))
        .clockMhz(orNull(random, 0.3, r -> random.nextInt(0, 4000 + 1)))
        .build();
  }

  /** A random {@code SystemPerformanceProfile}, as a Python peer could send it. */
  public static SystemPerformanceProfile systemPerformanceProfile(RandomGenerator random) {
    return new SystemPerformanceProfileBuilder()
        .gpuUsage(measurements(random))
        .temp(finiteDoubles(random))
        .sysPower(measurements(random))
        .pcpuUsage(measurements(random))
        .ecpuUsage(measurements(random))
        .accelerator(orNull(random, 0.3, r -> acceleratorMetrics(r)))
        .build();
  }

  /** A random {@code NetworkInterfaceInfo}, as a Python peer could send it. */
  public static NetworkInterfaceInfo networkInterfaceInfo(RandomGenerator random) {
    String name = pick(random, "en0", "en1", "en5", "eth0", "lo", "wlan0", "bridge0", "thunderbolt0");
    String address = random.nextBoolean()
        ? random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
        : pick(random, "::1", "fe80::1c2d:3e4f:5a6b:7c8d", "2001:db8::42");
    return new NetworkInterfaceInfo(name, address, pick(random, InterfaceType.class));
  }

  /** A random {@code NodeNetworkInfo}, as a Python peer could send it. */
  public static NodeNetworkInfo nodeNetworkInfo(RandomGenerator random) {
    return new NodeNetworkInfo(few(random, DiagnosticsGenerators::networkInterfaceInfo));
  }

  /** A random {@code NodeIdentity}, as a Python peer could send it. */
  public static NodeIdentity nodeIdentity(RandomGenerator random) {
    return new NodeIdentityBuilder()
        .modelId(pick(random, "Mac16,9", "Unknown", "MacBookPro18,2"))
        .chipId(pick(random, "Apple M4 Max", "AMD Ryzen AI Max+ 395", "Unknown"))
        .friendlyName(texts(random))
        .osVersion(pick(random, "15.3.1", "Debian 12", "Unknown"))
        .osBuildVersion(pick(random, "24D70", "6.1.0-18", "Unknown"))
        .skulkVersion(pick(random, "0.3.1", "Unknown"))
        .skulkCommit(pick(random, "a1b2c3d", "Unknown"))
        .build();
  }

  /** A random {@code NodeResourceDiagnostics}, as a Python peer could send it. */
  public static NodeResourceDiagnostics nodeResourceDiagnostics(RandomGenerator random) {
    return new NodeResourceDiagnosticsBuilder()
        .gatheredMemory(orNull(random, 0.3, r -> memoryUsage(r)))
        .currentMemory(orNull(random, 0.3, r -> memoryUsage(r)))
        .currentWired(orNull(random, 0.5, r -> memory(r)))
        .disk(orNull(random, 0.3, r -> diskUsage(r)))
        .system(orNull(random, 0.3, r -> systemPerformanceProfile(r)))
        .network(orNull(random, 0.3, r -> nodeNetworkInfo(r)))
        .build();
  }

  /** A random {@code NodeRuntimeDiagnostics}, as a Python peer could send it. */
  public static NodeRuntimeDiagnostics nodeRuntimeDiagnostics(RandomGenerator random) {
    return new NodeRuntimeDiagnosticsBuilder()
        .nodeId(ids(random))
        .hostname(pick(random, "kite", "studio-1.local", "gpu-node-07"))
        .friendlyName(orNull(random, 0.3, r -> texts(r)))
        .isMaster(bool(random))
        .masterNodeId(orNull(random, 0.3, r -> ids(r)))
        .cwd(pick(random, "/Users/kite/skulk", "/srv/skulk"))
        .configPath(pick(random, "config.yaml", "/etc/skulk/config.yaml"))
        .configFileExists(bool(random))
        .skulkVersion(pick(random, "0.3.1", "unknown"))
        .skulkCommit(pick(random, "a1b2c3d", "Unknown"))
        .libp2pNamespace(orNull(random, 0.5, r -> pick(r, "", "skulk-lab")))
        .pythonUnbuffered(bool(random))
        .tracingEnabled(bool(random))
        .structuredLoggingConfigured(bool(random))
        .loggingIngestUrl(orNull(random, 0.5, r -> pick(r, "http://vector.local:8686/ingest")))
        .build();
  }

  /** A random {@code DiagnosticsProcess}, as a Python peer could send it. */
  public static DiagnosticsProcess diagnosticsProcess(RandomGenerator random) {
    return new DiagnosticsProcessBuilder()
        .pid(pids(random))
        .parentPid(orNull(random, 0.2, r -> pids(r)))
        .role(pick(random, ProcessRole.class))
        .command(pick(random, "python -m exo.main", "/usr/bin/vector --config /etc/vector.toml", "java -jar skulk.jar", ""))
        .status(orNull(random, 0.2, r -> pick(r, "running", "sleeping", "zombie")))
        .cpuPercent(orNull(random, 0.3, r -> measurements(r)))
        .memoryPercent(orNull(random, 0.3, r -> random.nextDouble(0, 100)))
        .rss(orNull(random, 0.3, r -> memory(r)))
        .elapsedSeconds(orNull(random, 0.3, r -> measurements(r)))
        .isChildOfSkulk(bool(random))
        .build();
  }

  /** A random {@code MlxMemorySnapshot}, as a Python peer could send it. */
  public static MlxMemorySnapshot mlxMemorySnapshot(RandomGenerator random) {
    return new MlxMemorySnapshot(timestamps(random), orNull(random, 0.3, r -> memory(r)),
        orNull(random, 0.3, r -> memory(r)), orNull(random, 0.3, r -> memory(r)),
        orNull(random, 0.5, r -> memory(r)), pick(random, "mlx.core", "mlx-c"));
  }

  /** Attribute values of every kind: string, integer, float, boolean, list of strings. */
  public static RunnerDiagnosticValue runnerDiagnosticValue(RandomGenerator random) {
    return switch (random.nextInt(5)) {
      case 0 -> RunnerDiagnosticValue.of(texts(random));
      case 1 -> RunnerDiagnosticValue.of(longs(random));
      case 2 -> RunnerDiagnosticValue.of(finiteDoubles(random));
      case 3 -> RunnerDiagnosticValue.of(random.nextBoolean());
      default -> RunnerDiagnosticValue.of(few(random, DiagnosticsGenerators::texts));
    };
  }

  /** Attribute maps (insertion order is part of the value: it is kept on the wire). */
  public static Map<String, RunnerDiagnosticValue> attrs(RandomGenerator random) {
    Map<String, RunnerDiagnosticValue> ordered = new LinkedHashMap<>();
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      ordered.put(chars(random, 1, 12, ALPHA + "_"), runnerDiagnosticValue(random));
    }
    return ordered;
  }

  /** A random {@code RunnerDiagnosticContext}, as a Python peer could send it. */
  public static RunnerDiagnosticContext runnerDiagnosticContext(RandomGenerator random) {
    return new RunnerDiagnosticContextBuilder()
        .nodeId(ids(random))
        .runnerId(ids(random))
        .pid(orNull(random, 0.3, r -> pids(r)))
        .instanceId(ids(random))
        .modelId(pick(random, "mlx-community/Llama-3.3-70B-Instruct-4bit", "Qwen/Qwen3-235B-A22B"))
        .rank(smallInts(random))
        .worldSize(smallInts(random))
        .startLayer(smallInts(random))
        .endLayer(smallInts(random))
        .nLayers(smallInts(random))
        .build();
  }

  /** A random {@code RunnerFlightRecorderEntry}, as a Python peer could send it. */
  public static RunnerFlightRecorderEntry runnerFlightRecorderEntry(RandomGenerator random) {
    return new RunnerFlightRecorderEntryBuilder()
        .at(timestamps(random))
        .phase(pick(random, RunnerPhase.class))
        .event(pick(random, "enter", "exit", "token_7", "exception"))
        .detail(orNull(random, 0.3, r -> texts(r)))
        .attrs(attrs(random))
        .context(runnerDiagnosticContext(random))
        .taskId(orNull(random, 0.3, r -> ids(r)))
        .commandId(orNull(random, 0.3, r -> ids(r)))
        .mlxMemory(orNull(random, 0.7, r -> mlxMemorySnapshot(r)))
        .build();
  }

  /** Runner updates: the same shape as flight-recorder entries. */
  public static RunnerDiagnosticUpdate runnerDiagnosticUpdate(RandomGenerator random) {
    RunnerFlightRecorderEntry e = runnerFlightRecorderEntry(random);
    return new RunnerDiagnosticUpdate(e.at(), e.phase(), e.event(), e.detail(),
        e.attrs(), e.context(), e.taskId(), e.commandId(), e.mlxMemory());
  }

  /** A random {@code RunnerTaskDiagnostics}, as a Python peer could send it. */
  public static RunnerTaskDiagnostics runnerTaskDiagnostics(RandomGenerator random) {
    return new RunnerTaskDiagnosticsBuilder()
        .taskId(ids(random))
        .taskKind(pick(random, "ChatCompletion", "ImageGeneration", "CreateRunner"))
        .taskStatus(pick(random, "Pending", "Running", "Complete", "Failed", "Cancelled"))
        .instanceId(ids(random))
        .commandId(orNull(random, 0.4, r -> ids(r)))
        .runnerId(orNull(random, 0.4, r -> ids(r)))
        .modelId(orNull(random, 0.4, r -> ids(r)))
        .build();
  }

  /** A random {@code RunnerLifecycleMilestone}, as a Python peer could send it. */
  public static RunnerLifecycleMilestone runnerLifecycleMilestone(RandomGenerator random) {
    return new RunnerLifecycleMilestone(timestamps(random),
        pick(random, "supervisor_created", "phase:decode_stream", "status_changed"),
        orNull(random, 0.3, DiagnosticsGenerators::texts));
  }

  /** A random {@code RunnerSupervisorDiagnostics}, as a Python peer could send it. */
  public static RunnerSupervisorDiagnostics runnerSupervisorDiagnostics(RandomGenerator random) {
    return new RunnerSupervisorDiagnosticsBuilder()
        .runnerId(ids(random))
        .instanceId(ids(random))
        .nodeId(ids(random))
        .modelId(pick(random, "mlx-community/Llama-3.3-70B-Instruct-4bit", "Qwen/Qwen3-235B-A22B"))
        .deviceRank(smallInts(random))
        .worldSize(smallInts(random))
        .startLayer(smallInts(random))
        .endLayer(smallInts(random))
        .nLayers(smallInts(random))
        .pid(orNull(random, 0.2, r -> pids(r)))
        .processAlive(bool(random))
        .exitCode(orNull(random, 0.6, r -> random.nextInt(-15, 255 + 1)))
        .statusKind(pick(random, "RunnerIdle", "RunnerWarmingUp", "RunnerReady", "RunnerRunning", "RunnerFailed"))
        .statusSince(timestamps(random))
        .secondsInStatus(measurements(random))
        .phase(pick(random, RunnerPhase.class))
        .phaseStartedAt(timestamps(random))
        .secondsInPhase(measurements(random))
        .lastProgressAt(orNull(random, 0.3, r -> timestamps(r)))
        .activeTaskId(orNull(random, 0.3, r -> ids(r)))
        .activeCommandId(orNull(random, 0.3, r -> ids(r)))
        .phaseDetail(orNull(random, 0.3, r -> texts(r)))
        .lastMlxMemory(orNull(random, 0.5, r -> mlxMemorySnapshot(r)))
        .flightRecorder(few(random, DiagnosticsGenerators::runnerFlightRecorderEntry))
        .pendingTaskIds(few(random, DiagnosticsGenerators::ids))
        .inProgressTasks(few(random, DiagnosticsGenerators::runnerTaskDiagnostics))
        .completedTaskCount(random.nextInt(0, 100_000 + 1))
        .cancelledTaskIds(few(random, DiagnosticsGenerators::ids))
        .lastTaskSentAt(orNull(random, 0.3, r -> timestamps(r)))
        .lastEventReceivedAt(orNull(random, 0.3, r -> timestamps(r)))
        .lastEventType(orNull(random, 0.3, r -> pick(r, "RunnerStatusUpdated", "ChunkGenerated")))
        .milestones(few(random, DiagnosticsGenerators::runnerLifecycleMilestone))
        .build();
  }

  /** A random {@code PlacementRunnerDiagnostics}, as a Python peer could send it. */
  public static PlacementRunnerDiagnostics placementRunnerDiagnostics(RandomGenerator random) {
    return new PlacementRunnerDiagnosticsBuilder()
        .runnerId(ids(random))
        .nodeId(ids(random))
        .friendlyName(orNull(random, 0.4, r -> texts(r)))
        .statusKind(orNull(random, 0.3, r -> pick(r, "RunnerWarmingUp", "RunnerReady")))
        .deviceRank(smallInts(random))
        .worldSize(smallInts(random))
        .startLayer(smallInts(random))
        .endLayer(smallInts(random))
        .nLayers(smallInts(random))
        .isLocal(bool(random))
        .isMaster(bool(random))
        .tasks(few(random, DiagnosticsGenerators::runnerTaskDiagnostics))
        .build();
  }

  /** A random {@code InstancePlacementDiagnostics}, as a Python peer could send it. */
  public static InstancePlacementDiagnostics instancePlacementDiagnostics(RandomGenerator random) {
    return new InstancePlacementDiagnosticsBuilder()
        .instanceId(ids(random))
        .modelId(pick(random, "mlx-community/Llama-3.3-70B-Instruct-4bit"))
        .masterNodeId(orNull(random, 0.3, r -> ids(r)))
        .masterIsPlacementNode(bool(random))
        .localNodeIsPlacementNode(bool(random))
        .placementNodeIds(few(random, DiagnosticsGenerators::ids))
        .runners(few(random, DiagnosticsGenerators::placementRunnerDiagnostics))
        .warnings(few(random, DiagnosticsGenerators::texts))
        .build();
  }

  /** A random {@code NodeDiagnostics}, as a Python peer could send it. */
  public static NodeDiagnostics nodeDiagnostics(RandomGenerator random) {
    return new NodeDiagnosticsBuilder()
        .generatedAt(timestamps(random))
        .runtime(nodeRuntimeDiagnostics(random))
        .identity(orNull(random, 0.3, r -> nodeIdentity(r)))
        .resources(nodeResourceDiagnostics(random))
        .processes(few(random, DiagnosticsGenerators::diagnosticsProcess))
        .supervisorRunners(list(random, 2, DiagnosticsGenerators::runnerSupervisorDiagnostics))
        .placements(list(random, 2, DiagnosticsGenerators::instancePlacementDiagnostics))
        .warnings(few(random, DiagnosticsGenerators::texts))
        .build();
  }

  /** A random {@code ClusterNodeDiagnostics}, as a Python peer could send it. */
  public static ClusterNodeDiagnostics clusterNodeDiagnostics(RandomGenerator random) {
    if (random.nextBoolean()) {
      return new ClusterNodeDiagnosticsBuilder().nodeId(ids(random))
          .url(orNull(random, 0.5, r -> "http://10.0.0.2:52415")).ok(true).diagnostics(nodeDiagnostics(random)).build();
    }
    return new ClusterNodeDiagnosticsBuilder().nodeId(ids(random)).url("http://10.0.0.3:52415").ok(false)
        .error(pick(random, "ConnectError: connection refused", "ReadTimeout: no answer within 10.0s")).build();
  }

  /** A random {@code ClusterDiagnostics}, as a Python peer could send it. */
  public static ClusterDiagnostics clusterDiagnostics(RandomGenerator random) {
    return new ClusterDiagnosticsBuilder()
        .generatedAt(timestamps(random))
        .localNodeId(ids(random))
        .masterNodeId(orNull(random, 0.3, DiagnosticsGenerators::ids))
        .nodes(list(random, 2, DiagnosticsGenerators::clusterNodeDiagnostics))
        .build();
  }

  /** A random {@code ClusterTimelineRunner}, as a Python peer could send it. */
  public static ClusterTimelineRunner clusterTimelineRunner(RandomGenerator random) {
    return new ClusterTimelineRunnerBuilder()
        .nodeId(ids(random))
        .runnerId(ids(random))
        .instanceId(ids(random))
        .modelId(pick(random, "mlx-community/Llama-3.3-70B-Instruct-4bit"))
        .deviceRank(smallInts(random))
        .worldSize(smallInts(random))
        .pid(orNull(random, 0.3, r -> pids(r)))
        .processAlive(bool(random))
        .statusKind(pick(random, "RunnerReady", "RunnerRunning"))
        .phase(pick(random, RunnerPhase.class))
        .phaseDetail(orNull(random, 0.3, r -> texts(r)))
        .secondsInPhase(measurements(random))
        .lastProgressAt(orNull(random, 0.3, r -> timestamps(r)))
        .activeTaskId(orNull(random, 0.3, r -> ids(r)))
        .activeCommandId(orNull(random, 0.3, r -> ids(r)))
        .lastMlxMemory(orNull(random, 0.5, r -> mlxMemorySnapshot(r)))
        .build();
  }

  /** A random {@code ClusterTimelineEntry}, as a Python peer could send it. */
  public static ClusterTimelineEntry clusterTimelineEntry(RandomGenerator random) {
    return new ClusterTimelineEntryBuilder()
        .at(timestamps(random))
        .nodeId(ids(random))
        .runnerId(ids(random))
        .deviceRank(smallInts(random))
        .worldSize(smallInts(random))
        .phase(pick(random, RunnerPhase.class))
        .event(pick(random, "enter", "exit", "token_3"))
        .detail(orNull(random, 0.3, r -> texts(r)))
        .attrs(attrs(random))
        .taskId(orNull(random, 0.3, r -> ids(r)))
        .commandId(orNull(random, 0.3, r -> ids(r)))
        .mlxMemory(orNull(random, 0.7, r -> mlxMemorySnapshot(r)))
        .build();
  }

  /** A random {@code ClusterTimeline}, as a Python peer could send it. */
  public static ClusterTimeline clusterTimeline(RandomGenerator random) {
    return new ClusterTimelineBuilder()
        .generatedAt(timestamps(random))
        .localNodeId(ids(random))
        .masterNodeId(orNull(random, 0.3, r -> ids(r)))
        .runners(few(random, DiagnosticsGenerators::clusterTimelineRunner))
        .timeline(few(random, DiagnosticsGenerators::clusterTimelineEntry))
        .unreachableNodes(few(random, r -> new ClusterTimelineUnreachable(ids(r),
            orNull(r, 0.3, x -> "http://10.0.0.9:52415"),
            pick(r, "Node diagnostics returned no payload.", "ConnectError: refused"))))
        .build();
  }

  /** A random {@code DiagnosticCaptureRequest}, as a Python peer could send it. */
  public static DiagnosticCaptureRequest diagnosticCaptureRequest(RandomGenerator random) {
    return new DiagnosticCaptureRequestBuilder()
        .runnerId(orNull(random, 0.5, r -> ids(r)))
        .taskId(orNull(random, 0.5, r -> ids(r)))
        .includeProcessSamples(bool(random))
        .sampleDurationSeconds(random.nextDouble(1, 10))
        .build();
  }

  /** A random {@code DiagnosticProcessSample}, as a Python peer could send it. */
  public static DiagnosticProcessSample diagnosticProcessSample(RandomGenerator random) {
    return new DiagnosticProcessSampleBuilder()
        .name(pick(random, "sample", "vmmap", "footprint", "proc-status"))
        .command(few(random, r -> pick(r, "sample", "4242", "3")))
        .ok(bool(random))
        .exitCode(orNull(random, 0.3, r -> random.nextInt(-9, 2 + 1)))
        .durationSeconds(measurements(random))
        .stdout(orNull(random, 0.3, r -> texts(r)))
        .stderr(orNull(random, 0.3, r -> texts(r)))
        .error(orNull(random, 0.6, r -> pick(r, "Timed out after 8.0s", "sample not found on PATH")))
        .build();
  }

  /** A random {@code DiagnosticCaptureResponse}, as a Python peer could send it. */
  public static DiagnosticCaptureResponse diagnosticCaptureResponse(RandomGenerator random) {
    return new DiagnosticCaptureResponseBuilder()
        .generatedAt(timestamps(random))
        .nodeId(ids(random))
        .nodeDiagnostics(nodeDiagnostics(random))
        .runner(orNull(random, 0.4, r -> runnerSupervisorDiagnostics(r)))
        .flightRecorder(few(random, DiagnosticsGenerators::runnerFlightRecorderEntry))
        .mlxMemory(orNull(random, 0.5, r -> mlxMemorySnapshot(r)))
        .processSamples(few(random, DiagnosticsGenerators::diagnosticProcessSample))
        .warnings(few(random, DiagnosticsGenerators::texts))
        .build();
  }
}
