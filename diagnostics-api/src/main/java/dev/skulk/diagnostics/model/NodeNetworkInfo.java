package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.immutables.value.Value;

/**
 * The network interfaces of one node, one entry per address.
 *
 * <p>Immutable and thread-safe; build one with {@code NodeNetworkInfoBuilder} (generated).
 *
 * @param interfaces One entry per IPv4/IPv6 address of each interface. Empty when absent.
 */
@Value.Builder
@JsonPropertyOrder({"interfaces"})
public record NodeNetworkInfo(
    List<NetworkInterfaceInfo> interfaces) {

  /**
   * Checks and normalises the components: {@code interfaces} is copied, unmodifiable, with
   * null read as empty and a null element refused.
   */
  public NodeNetworkInfo {
    interfaces = Checks.listOrEmpty(interfaces, "interfaces");
  }
}
