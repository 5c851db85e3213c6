package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.immutables.value.Value;

/**
 * One address of one network interface.
 *
 * <p>Immutable and thread-safe; build one with {@code NetworkInterfaceInfoBuilder} (generated).
 *
 * @param name Interface name, such as {@code en0} or {@code eth0}.
 * @param ipAddress One IPv4 or IPv6 address of the interface.
 * @param interfaceType Physical kind of the interface; defaults to {@code unknown}.
 */
@Value.Builder
@JsonPropertyOrder({"name", "ipAddress", "interfaceType"})
public record NetworkInterfaceInfo(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String ipAddress,
    @JsonSetter(nulls = Nulls.FAIL) InterfaceType interfaceType) {

  /**
   * Checks and normalises the components: {@code name}, {@code ipAddress} are required (a
   * null one throws {@code NullPointerException}); a null {@code interfaceType} becomes {@code
   * InterfaceType.UNKNOWN}.
   */
  public NetworkInterfaceInfo {
    Checks.required(name, "name");
    Checks.required(ipAddress, "ipAddress");
    interfaceType = interfaceType == null ? InterfaceType.UNKNOWN : interfaceType;
  }
}
