package dev.skulk.diagnostics.cli.triage;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@code skulk-diag triage} found in one bundle: a line per node, a table of ranks per
 * instance, every warning the bundle carried, and our own findings, worst first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the document type read: {@code node}, {@code cluster}, {@code timeline} or {@code capture}
 * @param generatedAt the document's {@code generatedAt}
 * @param localNodeId the node that produced the document
 * @param masterNodeId the master it names, when it names one
 * @param nodes one line per node, in the document's order
 * @param instances one rank table per instance, by instance id
 * @param warnings every warning of the bundle, per node, in the document's order
 * @param findings our findings, sorted by {@link Finding#ORDER}
 */
public record TriageReport(
    String kind,
    String generatedAt,
    String localNodeId,
    @Nullable String masterNodeId,
    List<NodeLine> nodes,
    List<InstanceTable> instances,
    List<BundleWarning> warnings,
    List<Finding> findings) {

  public TriageReport {
    nodes = List.copyOf(nodes);
    instances = List.copyOf(instances);
    warnings = List.copyOf(warnings);
    findings = findings.stream().sorted(Finding.ORDER).toList();
  }

  /** Whether any finding is critical (the command then exits 3). */
  public boolean hasCritical() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
  }

  /** How many findings have this severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /**
   * One node of the document.
   *
   * @param nodeId the node id
   * @param ok whether its bundle is there
   * @param generatedAt its bundle's {@code generatedAt}, when there is one
   * @param friendlyName its friendly name, when known
   * @param error why it is missing, when it is
   */
  public record NodeLine(
      String nodeId, boolean ok, @Nullable String generatedAt, @Nullable String friendlyName, @Nullable String error) {}

  /**
   * The ranks of one instance, by rank then node.
   *
   * @param instanceId the instance
   * @param modelId its model
   * @param ranks its ranks
   */
  public record InstanceTable(String instanceId, String modelId, List<RankRow> ranks) {
    public InstanceTable {
      ranks = List.copyOf(ranks);
    }
  }

  /**
   * One rank as its node reported it; a rank known only from a placement (its node did not answer)
   * has {@code reported} false and no phase.
   *
   * @param nodeId the node it runs on
   * @param runnerId its runner id
   * @param rank its device rank
   * @param worldSize the instance's world size
   * @param layers {@code start-end/n}, when known
   * @param status its status variant, when known
   * @param phase its phase's wire value, when reported
   * @param secondsInPhase seconds in that phase, when reported
   * @param alive whether its process is alive, when reported
   * @param activeTaskId its active task, when it has one
   * @param reported whether its own node reported it live
   */
  public record RankRow(
      String nodeId,
      String runnerId,
      int rank,
      int worldSize,
      @Nullable String layers,
      @Nullable String status,
      @Nullable String phase,
      @Nullable Double secondsInPhase,
      @Nullable Boolean alive,
      @Nullable String activeTaskId,
      boolean reported) {}

  /**
   * One warning the bundle itself carried.
   *
   * @param nodeId the node whose bundle carried it
   * @param text the warning as written
   */
  public record BundleWarning(String nodeId, String text) {}
}
