package dev.skulk.diagnostics.cli;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import java.util.Set;

/** The kinds of document the CLI reads, and how to tell them apart by their top-level keys. */
enum BundleType {
  NODE(NodeDiagnostics.class),
  CLUSTER(ClusterDiagnostics.class),
  TIMELINE(ClusterTimeline.class),
  CAPTURE(DiagnosticCaptureResponse.class);

  private final Class<?> modelType;

  BundleType(Class<?> modelType) {
    this.modelType = modelType;
  }

  Class<?> modelType() {
    return modelType;
  }

  /**
   * Guesses the type from the top-level keys of a JSON object (camelCase or snake_case).
   *
   * @throws IllegalArgumentException when the keys fit none of the types
   */
  static BundleType detect(Set<String> keys) {
    if (has(keys, "nodeDiagnostics", "node_diagnostics")) {
      return CAPTURE;
    }
    if (has(keys, "timeline") || has(keys, "unreachableNodes", "unreachable_nodes")) {
      return TIMELINE;
    }
    if (has(keys, "nodes")) {
      return CLUSTER;
    }
    if (has(keys, "runtime") || has(keys, "resources")) {
      return NODE;
    }
    throw new IllegalArgumentException(
        "cannot tell the document type from its keys " + keys + "; pass --type node|cluster|timeline|capture");
  }

  private static boolean has(Set<String> keys, String... names) {
    for (String name : names) {
      if (keys.contains(name)) {
        return true;
      }
    }
    return false;
  }
}
