package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Static and slow-changing runtime information for one Skulk node.
 *
 * <p>Immutable and thread-safe; build one with {@code NodeRuntimeDiagnosticsBuilder} (generated).
 *
 * @param nodeId Local node ID.
 * @param hostname Local hostname.
 * @param friendlyName Friendly node name from gathered identity data. Optional.
 * @param isMaster Whether this node is the current master.
 * @param masterNodeId Current master node ID, when known. Optional.
 * @param cwd Current working directory of the API process.
 * @param configPath Config path resolved by this API process.
 * @param configFileExists Whether the resolved config path exists from this process cwd.
 * @param skulkVersion Installed Skulk package version.
 * @param skulkCommit Git commit reported by node identity.
 * @param libp2pNamespace Configured libp2p namespace environment value, if set. On the wire {@code
 *     libp2PNamespace} (pydantic's camel case upper-cases a letter after a digit). Optional.
 * @param pythonUnbuffered Whether PYTHONUNBUFFERED is enabled for this process.
 * @param tracingEnabled Current cluster runtime tracing state as seen by this API node.
 * @param structuredLoggingConfigured Whether config enables centralized structured logging.
 * @param loggingIngestUrl Configured centralized logging ingest URL, when present (user-info and
 *     secrets redacted). Optional.
 */
@Value.Builder
@JsonPropertyOrder({"nodeId", "hostname", "friendlyName", "isMaster", "masterNodeId", "cwd", "configPath", "configFileExists", "skulkVersion", "skulkCommit", "libp2PNamespace", "pythonUnbuffered", "tracingEnabled", "structuredLoggingConfigured", "loggingIngestUrl"})
public record NodeRuntimeDiagnostics(
    @JsonProperty(required = true) String nodeId,
    @JsonProperty(required = true) String hostname,
    @Nullable String friendlyName,
    @JsonProperty(required = true) boolean isMaster,
    @Nullable String masterNodeId,
    @JsonProperty(required = true) String cwd,
    @JsonProperty(required = true) String configPath,
    @JsonProperty(required = true) boolean configFileExists,
    @JsonProperty(required = true) String skulkVersion,
    @JsonProperty(required = true) String skulkCommit,
    @JsonProperty("libp2PNamespace") @Nullable String libp2pNamespace,
    @JsonProperty(required = true) boolean pythonUnbuffered,
    @JsonProperty(required = true) boolean tracingEnabled,
    @JsonProperty(required = true) boolean structuredLoggingConfigured,
    @Nullable String loggingIngestUrl) {

  /**
   * Checks and normalises the components: {@code nodeId}, {@code hostname}, {@code cwd},
   * {@code configPath}, {@code skulkVersion}, {@code skulkCommit} are required (a null one throws
   * {@code NullPointerException}).
   */
  public NodeRuntimeDiagnostics {
    Checks.required(nodeId, "nodeId");
    Checks.required(hostname, "hostname");
    Checks.required(cwd, "cwd");
    Checks.required(configPath, "configPath");
    Checks.required(skulkVersion, "skulkVersion");
    Checks.required(skulkCommit, "skulkCommit");
  }
}
