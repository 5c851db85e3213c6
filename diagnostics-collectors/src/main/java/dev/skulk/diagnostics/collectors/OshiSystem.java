package dev.skulk.diagnostics.collectors;

import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * Access to the one OSHI {@link SystemInfo} shared by every collector of this module, as OSHI
 * recommends (its hardware and OS objects cache handles and static facts). The instance is created
 * on first use, so that a process whose collectors never call OSHI never loads OSHI or JNA.
 * Thread-safe: lazy creation uses the class-holder idiom (the JVM's class initialisation lock);
 * OSHI's objects are themselves thread-safe. Cheap to construct: it holds no state.
 *
 * <p>This is the module's one process-wide instance, a deliberate exception to "no global
 * singletons": it is package-private, holds no configuration of ours and cannot fail a host (OSHI's
 * {@code SystemInfo} constructor only picks the platform; errors surface per collector call), while
 * one instance per collector re-read the same static facts and handles five times over.
 */
final class OshiSystem {

  /** Initialised by the JVM on the first {@link #info()} call, exactly once. */
  private static final class Shared {
    static final SystemInfo INFO = new SystemInfo();
  }

  SystemInfo info() {
    return Shared.INFO;
  }

  HardwareAbstractionLayer hardware() {
    return info().getHardware();
  }

  OperatingSystem os() {
    return info().getOperatingSystem();
  }
}
