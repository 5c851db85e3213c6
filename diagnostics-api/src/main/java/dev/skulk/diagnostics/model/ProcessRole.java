package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Best-effort Skulk role of a local process, inferred from lineage and command line. */
public enum ProcessRole {
  /** The Skulk node itself, or a process whose command line names Skulk ({@code skulk}). */
  SKULK("skulk"),
  /** A model runner: a supervised runner pid, or a multiprocessing spawn ({@code runner}). */
  RUNNER("runner"),
  /** The {@code vector} log shipper ({@code vector}). */
  VECTOR("vector"),
  /** Another Python process, such as multiprocessing's resource tracker ({@code python}). */
  PYTHON("python"),
  /** Anything else ({@code other}). */
  OTHER("other");

  private final String wireValue;

  ProcessRole(String wireValue) {
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
  public static ProcessRole fromWire(String value) {
    for (ProcessRole candidate : values()) {
      if (candidate.wireValue.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "Unknown ProcessRole '" + value + "'; expected one of " + java.util.Arrays.toString(wireValues()));
  }

  private static String[] wireValues() {
    ProcessRole[] all = values();
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
