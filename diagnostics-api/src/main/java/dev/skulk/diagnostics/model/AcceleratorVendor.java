package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Vendor of a node's accelerator; {@code cpu} for a node that has none. */
public enum AcceleratorVendor {
  /** Apple silicon ({@code apple}). */
  APPLE("apple"),
  /** An AMD GPU ({@code amd}). */
  AMD("amd"),
  /** One or more NVIDIA GPUs ({@code nvidia}). */
  NVIDIA("nvidia"),
  /** An Intel accelerator ({@code intel}); no default collector reports it. */
  INTEL("intel"),
  /** No accelerator: CPU figures only ({@code cpu}). */
  CPU("cpu"),
  /** Not known ({@code unknown}); a null vendor given to {@link AcceleratorMetrics} becomes this. */
  UNKNOWN("unknown");

  private final String wireValue;

  AcceleratorVendor(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The exact string this constant has on the wire. */
  @JsonValue
  public String wireValue() {
    return wireValue;
  }

  /**
   * The constant whose wire value is {@code value}.
   *
   * @throws IllegalArgumentException when no constant has that wire value
   */
  public static AcceleratorVendor fromWire(String value) {
    for (AcceleratorVendor candidate : values()) {
      if (candidate.wireValue.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "Unknown AcceleratorVendor '" + value + "'; expected one of " + java.util.Arrays.toString(wireValues()));
  }

  private static String[] wireValues() {
    AcceleratorVendor[] all = values();
    String[] names = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      names[i] = all[i].wireValue;
    }
    return names;
  }

  @Override
  public String toString() {
    return wireValue;
  }
}
