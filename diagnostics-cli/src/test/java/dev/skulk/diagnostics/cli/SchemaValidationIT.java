package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skulk.diagnostics.json.DiagnosticsJson;
import dev.skulk.diagnostics.testkit.DiagnosticsGenerators;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The printed schemas checked by an independent validator, Python's {@code jsonschema} (draft
 * 2020-12): every sample bundle and many seeded generated bundles of each type validate; the same
 * bundles mutated (an extra field, a wrong enum value, a fraction where an integer belongs, a
 * missing required field) do not. Skipped where {@code python3} with {@code jsonschema} is missing.
 */
class SchemaValidationIT {

  private static final long SEED = 0x5C4E3A11L;
  private static final int PER_TYPE = 60;
  private static final Set<String> ENUM_FIELDS = Set.of("phase", "role", "vendor", "interfaceType");

  @TempDir Path dir;

  private static boolean jsonschemaInstalled() {
    try {
      Process probe = new ProcessBuilder("python3", "-c", "import jsonschema").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final Map<String, Function<RandomGenerator, Object>> GENERATORS = new LinkedHashMap<>();

  static {
    GENERATORS.put("node", DiagnosticsGenerators::nodeDiagnostics);
    GENERATORS.put("cluster", DiagnosticsGenerators::clusterDiagnostics);
    GENERATORS.put("timeline", DiagnosticsGenerators::clusterTimeline);
    GENERATORS.put("capture", DiagnosticsGenerators::diagnosticCaptureResponse);
  }

  private static final Map<String, List<String>> SAMPLES = Map.of(
      "node", List.of("triage/node-healthy.json", "triage/node-many-problems.json", "triage/node-leaked-wired.json"),
      "cluster", List.of("spec-example-cluster.json", "triage/python-cluster-unreachable-peer.json",
          "triage/cluster-clock-offsets.json"),
      "timeline", List.of("triage/timeline-clock-ahead.json"),
      "capture", List.of());

  /** Bundles of other modules' tests, written by pydantic or by hand from the spec. */
  private static final Map<String, List<String>> MODULE_SAMPLES = Map.of(
      "node", List.of("../diagnostics-core/src/test/resources/dev/skulk/diagnostics/json/node-mid-decode.json",
          "../diagnostics-cluster/src/test/resources/dev/skulk/diagnostics/cluster/python-node-bundle.json"),
      "cluster", List.of("../diagnostics-core/src/test/resources/dev/skulk/diagnostics/json/cluster-with-failed-peer.json",
          "../../shared/fixtures/spec-example-cluster.json"));

  @Test
  void samplesAndGeneratedBundlesValidateAndMutatedOnesDoNot() throws Exception {
    assumeTrue(jsonschemaInstalled(), "python3 with jsonschema is not installed");
    Path script = dir.resolve("validate.py");
    try (InputStream in = SchemaValidationIT.class.getResourceAsStream("schema/validate.py")) {
      Files.write(script, in.readAllBytes());
    }
    System.out.println("SchemaValidationIT seed " + SEED);
    SplittableRandom random = new SplittableRandom(SEED);
    DiagnosticsJson json = DiagnosticsJson.strict();
    int valid = 0;
    int invalid = 0;
    for (var type : GENERATORS.entrySet()) {
      Path schema = dir.resolve(type.getKey() + ".schema.json");
      CliRun printed = CliRun.of("schema", type.getKey());
      assertThat(printed.exitCode()).isZero();
      Files.writeString(schema, printed.out());
      Map<Path, Boolean> expectValid = new LinkedHashMap<>();
      Map<Path, String> what = new LinkedHashMap<>();
      int n = 0;
      for (String sample : SAMPLES.get(type.getKey())) {
        try (InputStream in = SchemaValidationIT.class.getResourceAsStream(sample)) {
          Path file = dir.resolve(type.getKey() + "-sample-" + (n++) + ".json");
          Files.write(file, in.readAllBytes());
          expectValid.put(file, true);
          what.put(file, sample);
        }
      }
      for (String sample : MODULE_SAMPLES.getOrDefault(type.getKey(), List.of())) {
        Path source = Path.of(sample);
        if (Files.exists(source)) {
          Path file = dir.resolve(type.getKey() + "-sample-" + (n++) + ".json");
          Files.copy(source, file);
          expectValid.put(file, true);
          what.put(file, sample);
        }
      }
      for (int i = 0; i < PER_TYPE; i++) {
        long seed = random.nextLong();
        String text = json.write(type.getValue().apply(new SplittableRandom(seed)));
        Path file = dir.resolve(type.getKey() + "-generated-" + i + ".json");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        expectValid.put(file, true);
        what.put(file, "generated with seed " + seed + ": " + text);
        SplittableRandom mutations = new SplittableRandom(seed);
        for (Mutation mutation : Mutation.values()) {
          JsonNode tree = JsonMapper.shared().readTree(text);
          String applied = mutation.apply(tree, mutations);
          if (applied == null) {
            continue; // nothing of that kind in this document (no enum, say)
          }
          Path mutated = dir.resolve(type.getKey() + "-generated-" + i + "-" + mutation.name().toLowerCase() + ".json");
          Files.writeString(mutated, JsonMapper.shared().writeValueAsString(tree), StandardCharsets.UTF_8);
          expectValid.put(mutated, false);
          what.put(mutated, "seed " + seed + ", " + mutation + " at " + applied);
        }
      }
      List<String> command = new ArrayList<>(List.of("python3", script.toString(), schema.toString()));
      expectValid.keySet().forEach(p -> command.add(p.toString()));
      Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
      List<String> lines = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(python.exitValue()).as(String.join("\n", lines)).isZero();
      assertThat(lines).hasSize(expectValid.size());
      int k = 0;
      for (var expected : expectValid.entrySet()) {
        String line = lines.get(k++);
        String name = expected.getKey().getFileName().toString();
        if (expected.getValue()) {
          assertThat(line).as(what.get(expected.getKey())).isEqualTo("valid " + name);
          valid++;
        } else {
          assertThat(line).as(what.get(expected.getKey())).startsWith("invalid " + name + ": ");
          invalid++;
        }
      }
    }
    System.out.println("SchemaValidationIT: " + valid + " valid and " + invalid + " mutated documents checked");
    assertThat(valid).isGreaterThanOrEqualTo(4 * PER_TYPE + 6);
    assertThat(invalid).isGreaterThanOrEqualTo(4 * PER_TYPE * 2);
  }

  /** One way to break a document; returns where it broke it, or null when it found no place. */
  enum Mutation {
    EXTRA_FIELD {
      @Override
      String apply(JsonNode root, SplittableRandom random) {
        List<Located> objects = new ArrayList<>();
        walk(root, "$", false, (node, path, key) -> {
          if (node.isObject()) {
            objects.add(new Located(node, path, key));
          }
        });
        Located target = objects.get(random.nextInt(objects.size()));
        ((ObjectNode) target.node()).put("unexpectedField", 1);
        return target.path();
      }
    },
    WRONG_ENUM {
      @Override
      String apply(JsonNode root, SplittableRandom random) {
        List<Located> enums = new ArrayList<>();
        walk(root, "$", false, (node, path, key) -> {
          if (node.isObject()) {
            node.properties().forEach(e -> {
              if (ENUM_FIELDS.contains(e.getKey()) && e.getValue().isString()) {
                enums.add(new Located(node, path + "." + e.getKey(), e.getKey()));
              }
            });
          }
        });
        if (enums.isEmpty()) {
          return null;
        }
        Located target = enums.get(random.nextInt(enums.size()));
        ((ObjectNode) target.node()).put(target.key(), "not_a_" + target.key());
        return target.path();
      }
    },
    FRACTION_FOR_INTEGER {
      @Override
      String apply(JsonNode root, SplittableRandom random) {
        // Outside attrs, Java writes integers only for integer fields (a float always has a point).
        List<Located> integers = new ArrayList<>();
        walk(root, "$", false, (node, path, key) -> {
          if (node.isObject()) {
            node.properties().forEach(e -> {
              if (e.getValue().isIntegralNumber()) {
                integers.add(new Located(node, path + "." + e.getKey(), e.getKey()));
              }
            });
          }
        });
        if (integers.isEmpty()) {
          return null;
        }
        Located target = integers.get(random.nextInt(integers.size()));
        ((ObjectNode) target.node()).put(target.key(), 1.5);
        return target.path();
      }
    },
    MISSING_REQUIRED {
      @Override
      String apply(JsonNode root, SplittableRandom random) {
        // generatedAt and nodeId are required in every object that has them (the spec marks each).
        List<Located> required = new ArrayList<>();
        walk(root, "$", false, (node, path, key) -> {
          if (node.isObject()) {
            for (String name : List.of("generatedAt", "nodeId")) {
              if (node.has(name)) {
                required.add(new Located(node, path + "." + name, name));
              }
            }
          }
        });
        Located target = required.get(random.nextInt(required.size()));
        ((ObjectNode) target.node()).remove(target.key());
        return target.path();
      }
    };

    abstract String apply(JsonNode root, SplittableRandom random);
  }

  record Located(JsonNode node, String path, String key) {}

  interface Visitor {
    void visit(JsonNode node, String path, String key);
  }

  /** Every node except what is inside {@code attrs} (free keys and any JSON scalar are valid there). */
  private static void walk(JsonNode node, String path, boolean inAttrs, Visitor visitor) {
    if (inAttrs) {
      return;
    }
    visitor.visit(node, path, "");
    if (node.isObject()) {
      node.properties().forEach(e -> walk(e.getValue(), path + "." + e.getKey(), e.getKey().equals("attrs"), visitor));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        walk(array.get(i), path + "[" + i + "]", false, visitor);
      }
    }
  }
}
