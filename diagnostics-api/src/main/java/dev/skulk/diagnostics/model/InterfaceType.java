package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Physical kind of a network interface. */
public enum InterfaceType {
  /** A Wi-Fi interface ({@code wifi}). */
  WIFI("wifi"),
  /** A wired Ethernet interface ({@code ethernet}). */
  ETHERNET("ethernet"),
  /**
   * An Ethernet port that may be an adapter over Thunderbolt or USB ({@code maybe_ethernet}): on
   * macOS, an Ethernet hardware port on a device other than {@code en0} or {@code en1}.
   */
  MAYBE_ETHERNET("maybe_ethernet"),
  /** A Thunderbolt bridge ({@code thunderbolt}). */
  THUNDERBOLT("thunderbolt"),
  /** Not known ({@code unknown}). */
  UNKNOWN("unknown");

  private final String wireValue;

  InterfaceType(String wireValue) {
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
  public static InterfaceType fromWire(String value) {
    for (InterfaceType candidate : values()) {
      if (candidate.wireValue.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "Unknown InterfaceType '" + value + "'; expected one of " + java.util.Arrays.toString(wireValues()));
  }

  private static String[] wireValues() {
    InterfaceType[] all = values();
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
