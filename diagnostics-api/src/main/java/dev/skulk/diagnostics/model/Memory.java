package dev.skulk.diagnostics.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An amount of memory in bytes, as Skulk's {@code Memory} type writes it ({@code {"inBytes": N}}).
 * Negative amounts are kept as they are: platform tools report them (mactop's free swap can be
 * negative) and a Python peer accepts them.
 *
 * @param inBytes the amount in bytes; {@code 0} when absent on the wire
 */
@JsonPropertyOrder({"inBytes"})
public record Memory(long inBytes) implements Comparable<Memory> {

  private static final long KIB = 1024L;

  /** No memory. */
  public static final Memory ZERO = new Memory(0);

  /** An amount in bytes. */
  public static Memory ofBytes(long bytes) {
    return new Memory(bytes);
  }

  /** An amount in kibibytes (1024 bytes). */
  public static Memory ofKiB(long kibibytes) {
    return new Memory(Math.multiplyExact(kibibytes, KIB));
  }

  /** An amount in mebibytes. */
  public static Memory ofMiB(long mebibytes) {
    return new Memory(Math.multiplyExact(mebibytes, KIB * KIB));
  }

  /** An amount in gibibytes. */
  public static Memory ofGiB(long gibibytes) {
    return new Memory(Math.multiplyExact(gibibytes, KIB * KIB * KIB));
  }

  /** This amount in gibibytes (bytes / 2^30), as a double. */
  public double inGiB() {
    return inBytes / (double) (KIB * KIB * KIB);
  }

  @Override
  public int compareTo(Memory other) {
    return Long.compare(inBytes, other.inBytes);
  }
}
