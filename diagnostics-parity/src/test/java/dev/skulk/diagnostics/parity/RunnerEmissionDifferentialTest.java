package dev.skulk.diagnostics.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.model.MlxMemorySnapshot;
import dev.skulk.diagnostics.model.RunnerDiagnosticContext;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import dev.skulk.diagnostics.model.RunnerPhase;
import dev.skulk.diagnostics.model.Timestamps;
import dev.skulk.diagnostics.runner.PhaseScope;
import dev.skulk.diagnostics.runner.RunnerDiagnostics;
import dev.skulk.diagnostics.testkit.TestClock;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RunnerDiagnostics} and {@link PhaseScope} against upstream's own {@code
 * worker/runner/diagnostics.py} ({@code record_runner_phase}, {@code runner_phase}; driven by
 * {@code oracle_emission.py}): seeded attribute values of every Python type a runner passes
 * (strings with quotes, escapes and non-BMP characters, integers beyond 64 bits, floats in every
 * notation, NaN and the infinities, booleans, None, nested lists and dicts), and seeded sequences
 * of records and nested phase scopes whose bodies finish, fail (with a message, an empty one or
 * none) or are cancelled, given to both; every update's JSON is compared byte for byte.
 *
 * <p>Two of upstream's values cannot be carried by the wire model's {@code RunnerDiagnosticValue}
 * (a 64-bit integer or a finite float) and are not generated as top-level attribute values: a
 * Python integer beyond 64 bits (pydantic writes its digits) and a non-finite float (pydantic
 * writes {@code null}); inside lists and dicts, where upstream writes their {@code str()}, they
 * are generated.
 */
class RunnerEmissionDifferentialTest {

  private static final long SEED = 20261201_04L;
  private static final int ATTR_CASES = 300;
  private static final int SCOPE_CASES = 300;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DiagnosticsJson CODEC = DiagnosticsJson.strict();
  private static final String[] EXCEPTIONS = {"ValueError", "RuntimeError", "PrefillCancelled", "TimeoutError"};
  private static final @Nullable String[] MESSAGES = {null, "", "boom", "it's \"quoted\"", "m\u00e9moire \ud83d\udca5"};
  private static final @Nullable String[] DETAILS = {null, "", "prompt 1873 tokens", "l\u00e0 \ud83d\ude00"};

  /** What a case's attrs are: the tagged JSON for upstream, the Java map for the SDK. */
  private record Attrs(ArrayNode tagged, Map<String, @Nullable Object> java) {}

  private record Tagged(JsonNode json, @Nullable Object java) {}

  @Test
  void attributeValuesRenderAsUpstream() {
    SplittableRandom random = new SplittableRandom(SEED);
    List<ObjectNode> cases = new ArrayList<>();
    List<List<Step>> javaSteps = new ArrayList<>();
    for (int c = 0; c < ATTR_CASES; c++) {
      Attrs attrs = attrs(random, 1 + random.nextInt(6));
      Step step = Step.record(RunnerPhase.DECODE_STREAM, "token", null, attrs, null, null, false);
      cases.add(caseJson(List.of(step)));
      javaSteps.add(List.of(step));
    }
    compare("attrs", cases, javaSteps);
  }

  @Test
  void recordsAndPhaseScopesEmitAsUpstream() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    List<ObjectNode> cases = new ArrayList<>();
    List<List<Step>> javaSteps = new ArrayList<>();
    for (int c = 0; c < SCOPE_CASES; c++) {
      List<Step> steps = steps(random, 0);
      cases.add(caseJson(steps));
      javaSteps.add(steps);
    }
    compare("scopes", cases, javaSteps);
  }

  private static final Instant AT = Instant.parse("2026-04-23T10:11:12.345678Z");
  private static final RunnerDiagnosticContext CONTEXT = new RunnerDiagnosticContext("node-a",
      "runner-a", 4242L, "instance-a", "mlx-community/Llama-3.2-1B-Instruct-4bit", 1, 2, 8, 16, 16);
  private static final MlxMemorySnapshot MEMORY = new MlxMemorySnapshot(
      "2026-04-23T10:11:12.345678+00:00", Memory.ofBytes(1_234_567_890L), Memory.ofBytes(4096),
      Memory.ofBytes(2_000_000_000L), null, "mlx.core");

  private static ObjectNode caseJson(List<Step> steps) {
    ObjectNode json = JSON.createObjectNode();
    json.put("at", Timestamps.format(AT));
    json.set("context", JSON.readTree(CODEC.write(CONTEXT)));
    json.set("memory", JSON.readTree(CODEC.write(MEMORY)));
    ArrayNode array = json.putArray("steps");
    steps.forEach(step -> array.add(step.json()));
    return json;
  }

  private static void compare(String area, List<ObjectNode> cases, List<List<Step>> javaSteps) {
    List<String> mismatches = new ArrayList<>();
    int updates = 0;
    try (UpstreamOracle upstream = UpstreamOracle.start("emission")) {
      for (int c = 0; c < cases.size(); c++) {
        String caseText = JSON.writeValueAsString(cases.get(c));
        JsonNode expected = JSON.readTree(upstream.call(caseText));
        List<String> actual = runJava(javaSteps.get(c));
        List<String> want = new ArrayList<>();
        expected.forEach(node -> want.add(node.asString()));
        updates += want.size();
        if (!want.equals(actual)) {
          mismatches.add(String.format("seed %d %s case %d%n case: %s%n upstream: %s%n java:     %s",
              SEED, area, c, caseText, want, actual));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.out.printf("RunnerEmissionDifferentialTest %s: %d cases, %d updates, %d mismatching cases%n",
        area, cases.size(), updates, mismatches.size());
    assertThat(mismatches.subList(0, Math.min(3, mismatches.size())))
        .as("the first of %d mismatching cases", mismatches.size()).isEmpty();
  }

  // ---- Java side

  /** Raised in a scope's body; named as the Python class upstream sees. */
  static final class ValueError extends RuntimeException {
    ValueError(@Nullable String message) {
      super(message);
    }
  }

  static final class RuntimeError extends RuntimeException {
    RuntimeError(@Nullable String message) {
      super(message);
    }
  }

  static final class PrefillCancelled extends RuntimeException {
    PrefillCancelled(@Nullable String message) {
      super(message);
    }
  }

  static final class TimeoutError extends RuntimeException {
    TimeoutError(@Nullable String message) {
      super(message);
    }
  }

  private static RuntimeException exception(String type, @Nullable String message) {
    return switch (type) {
      case "ValueError" -> new ValueError(message);
      case "RuntimeError" -> new RuntimeError(message);
      case "PrefillCancelled" -> new PrefillCancelled(message);
      case "TimeoutError" -> new TimeoutError(message);
      default -> throw new IllegalArgumentException(type);
    };
  }

  private static List<String> runJava(List<Step> steps) {
    List<RunnerDiagnosticUpdate> sent = new ArrayList<>();
    RunnerDiagnostics diagnostics = RunnerDiagnostics.builder(CONTEXT)
        .clock(TestClock.at(AT))
        .sink(sent::add)
        .mlxMemory(() -> MEMORY)
        .cancellationExceptions(Set.of(PrefillCancelled.class))
        .build();
    try {
      runSteps(diagnostics, steps);
    } catch (ValueError | RuntimeError | PrefillCancelled | TimeoutError escaped) {
      // escaped the outermost scope, as upstream's case does
    }
    List<String> json = new ArrayList<>();
    sent.forEach(update -> json.add(CODEC.write(update)));
    return json;
  }

  private static void runSteps(RunnerDiagnostics diagnostics, List<Step> steps) {
    for (Step step : steps) {
      if (step.body() == null) {
        diagnostics.record(step.phase(), step.event(), step.detail(), step.attrs().java(),
            step.taskId(), step.commandId(), step.includeMemory());
        continue;
      }
      try (PhaseScope scope = diagnostics.phase(step.phase(), step.detail(), step.attrs().java(),
          step.taskId(), step.commandId(), step.includeMemory())) {
        try {
          runSteps(diagnostics, step.body());
          if (step.raiseType() != null) {
            throw exception(step.raiseType(), step.raiseMessage());
          }
        } catch (RuntimeException e) {
          throw scope.fail(e);
        }
      }
    }
  }

  // ---- generation

  private record Step(RunnerPhase phase, String event, @Nullable String detail, Attrs attrs,
      @Nullable String taskId, @Nullable String commandId, boolean includeMemory,
      @Nullable List<Step> body, @Nullable String raiseType, @Nullable String raiseMessage) {

    static Step record(RunnerPhase phase, String event, @Nullable String detail, Attrs attrs,
        @Nullable String taskId, @Nullable String commandId, boolean includeMemory) {
      return new Step(phase, event, detail, attrs, taskId, commandId, includeMemory, null, null, null);
    }

    ObjectNode json() {
      ObjectNode json = JSON.createObjectNode();
      json.put("step", body == null ? "record" : "scope");
      json.put("phase", phase.wireValue());
      if (body == null) {
        json.put("event", event);
      }
      json.put("detail", detail);
      json.set("attrs", attrs.tagged());
      json.put("taskId", taskId);
      json.put("commandId", commandId);
      json.put("includeMemory", includeMemory);
      if (body != null) {
        ArrayNode array = json.putArray("body");
        body.forEach(step -> array.add(step.json()));
        if (raiseType == null) {
          json.putNull("raise");
        } else {
          json.putObject("raise").put("type", raiseType).put("message", raiseMessage);
        }
      }
      return json;
    }
  }

  private static List<Step> steps(SplittableRandom random, int depth) {
    List<Step> steps = new ArrayList<>();
    int count = 1 + random.nextInt(depth == 0 ? 4 : 3);
    RunnerPhase[] phases = RunnerPhase.values();
    for (int i = 0; i < count; i++) {
      RunnerPhase phase = phases[random.nextInt(phases.length)];
      String detail = DETAILS[random.nextInt(DETAILS.length)];
      Attrs attrs = random.nextInt(3) == 0 ? attrs(random, 0) : attrs(random, 1 + random.nextInt(3));
      String taskId = random.nextBoolean() ? null : "task-" + random.nextInt(3);
      String commandId = random.nextBoolean() ? null : "cmd-" + random.nextInt(3);
      boolean memory = random.nextInt(4) == 0;
      if (depth < 3 && random.nextInt(3) != 0) {
        List<Step> body = random.nextInt(3) == 0 ? List.of() : steps(random, depth + 1);
        boolean raises = random.nextInt(3) == 0;
        String type = raises ? EXCEPTIONS[random.nextInt(EXCEPTIONS.length)] : null;
        String message = raises ? MESSAGES[random.nextInt(MESSAGES.length)] : null;
        steps.add(new Step(phase, "", detail, attrs, taskId, commandId, memory, body, type, message));
      } else {
        String[] events = {"token", "phase", "", "checkpoint"};
        steps.add(Step.record(phase, events[random.nextInt(events.length)], detail, attrs, taskId,
            commandId, memory));
      }
    }
    return steps;
  }

  private static Attrs attrs(SplittableRandom random, int size) {
    ArrayNode tagged = JSON.createArrayNode();
    Map<String, @Nullable Object> java = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String key = "k" + i + (random.nextInt(4) == 0 ? "\u00e9" : "");
      Tagged value = value(random, 0, true);
      tagged.addArray().add(key).add(value.json());
      java.put(key, value.java());
    }
    return new Attrs(tagged, java);
  }

  private static final String ALPHABET = "ab Z09'\"\\\n\t\r\u0000\u0007\u007f\u0085\u00a0\u00e9\u200b\u2028\u4e2d\ud83d\ude00\ud800\udc00";

  private static String text(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(6);
    int[] codePoints = ALPHABET.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return text.toString();
  }

  private static final double[] FLOATS = {0.0, -0.0, 1.0, 0.1, 1.5, -2.25, 1e-5, 1.25e-7, 1e16,
      1.2345678901234567e16, 123456789.0, 1e15, 9007199254740993.0, 5e-324, 1.7976931348623157e308,
      0.3333333333333333, 100.0, 2.5e-4};

  private static Tagged value(SplittableRandom random, int depth, boolean topLevel) {
    int kind = random.nextInt(depth >= 2 ? 5 : 7);
    ObjectNode json = JSON.createObjectNode();
    switch (kind) {
      case 0 -> {
        String s = text(random);
        json.put("str", s);
        return new Tagged(json, s);
      }
      case 1 -> {
        BigInteger n = switch (random.nextInt(4)) {
          case 0 -> BigInteger.valueOf(random.nextInt(2001) - 1000);
          case 1 -> BigInteger.valueOf(random.nextLong());
          case 2 -> topLevel ? BigInteger.valueOf(Long.MIN_VALUE) : BigInteger.TWO.pow(64 + random.nextInt(40)).negate();
          default -> topLevel ? BigInteger.valueOf(Long.MAX_VALUE) : BigInteger.TWO.pow(63 + random.nextInt(40));
        };
        json.put("int", n.toString());
        return new Tagged(json, n.bitLength() < 64 ? (Object) n.longValue() : n);
      }
      case 2 -> {
        int pick = random.nextInt(FLOATS.length + (topLevel ? 0 : 3));
        if (pick >= FLOATS.length) {
          String[] specials = {"nan", "inf", "-inf"};
          double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
          json.put("float", specials[pick - FLOATS.length]);
          return new Tagged(json, values[pick - FLOATS.length]);
        }
        double d = FLOATS[pick] * (random.nextBoolean() ? 1 : -1);
        json.put("float", d);
        return new Tagged(json, d);
      }
      case 3 -> {
        boolean b = random.nextBoolean();
        json.put("bool", b);
        return new Tagged(json, b);
      }
      case 4 -> {
        json.putNull("none");
        return new Tagged(json, null);
      }
      case 5 -> {
        ArrayNode array = json.putArray("list");
        List<@Nullable Object> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          Tagged item = value(random, depth + 1, false);
          array.add(item.json());
          list.add(item.java());
        }
        return new Tagged(json, list);
      }
      default -> {
        ArrayNode array = json.putArray("dict");
        Map<Object, @Nullable Object> map = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          Tagged item = value(random, depth + 1, false);
          ObjectNode key = JSON.createObjectNode();
          Object javaKey;
          if (random.nextBoolean()) {
            String s = "key" + i + text(random);
            key.put("str", s);
            javaKey = s;
          } else {
            key.put("int", Integer.toString(i * 7 - 3));
            javaKey = (long) (i * 7 - 3);
          }
          array.addArray().add(key).add(item.json());
          map.put(javaKey, item.java());
        }
        return new Tagged(json, map);
      }
    }
  }
}
