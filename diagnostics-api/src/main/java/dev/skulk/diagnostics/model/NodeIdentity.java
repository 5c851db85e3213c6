package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.immutables.value.Value;

/**
 * Gathered static identity of a node; every field defaults to {@code Unknown}.
 *
 * <p>Immutable and thread-safe; build one with {@code NodeIdentityBuilder} (generated).
 *
 * @param modelId Hardware model identifier.
 * @param chipId Chip or CPU brand.
 * @param friendlyName Friendly computer name.
 * @param osVersion Operating-system version.
 * @param osBuildVersion Operating-system build.
 * @param skulkVersion Skulk version running on the node.
 * @param skulkCommit Skulk git commit running on the node.
 */
@Value.Builder
@JsonPropertyOrder({"modelId", "chipId", "friendlyName", "osVersion", "osBuildVersion", "skulkVersion", "skulkCommit"})
public record NodeIdentity(
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String modelId,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String chipId,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String friendlyName,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String osVersion,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String osBuildVersion,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String skulkVersion,
    @JsonSetter(nulls = Nulls.FAIL) @Value.Default.String("Unknown") String skulkCommit) {

  /**
   * Checks and normalises the components: a null {@code modelId}, {@code chipId}, {@code
   * friendlyName}, {@code osVersion}, {@code osBuildVersion}, {@code skulkVersion} or {@code
   * skulkCommit} becomes {@code "Unknown"}.
   */
  public NodeIdentity {
    modelId = modelId == null ? "Unknown" : modelId;
    chipId = chipId == null ? "Unknown" : chipId;
    friendlyName = friendlyName == null ? "Unknown" : friendlyName;
    osVersion = osVersion == null ? "Unknown" : osVersion;
    osBuildVersion = osBuildVersion == null ? "Unknown" : osBuildVersion;
    skulkVersion = skulkVersion == null ? "Unknown" : skulkVersion;
    skulkCommit = skulkCommit == null ? "Unknown" : skulkCommit;
  }

  /** The identity Python Skulk reports before anything was gathered: every field {@code Unknown}. */
  public static NodeIdentity unknown() {
    return new NodeIdentityBuilder().build();
  }
}
