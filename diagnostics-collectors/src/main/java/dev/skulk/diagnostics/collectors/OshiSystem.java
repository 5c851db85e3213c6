package dev.skulk.diagnostics.collectors;

import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * A lazily created OSHI {@link SystemInfo}, one per collector (no global singleton): created on
 * first use, so that a collector that is never called never loads OSHI or JNA. Thread-safe.
 */
final class OshiSystem {

  private volatile @org.jspecify.annotations.Nullable SystemInfo info;

  SystemInfo info() {
    SystemInfo current = info;
    if (current == null) {
      synchronized (this) {
        current = info;
        if (current == null) {
          current = new SystemInfo();
          info = current;
        }
      }
    }
    return current;
  }

  HardwareAbstractionLayer hardware() {
    return info().getHardware();
  }

  OperatingSystem os() {
    return info().getOperatingSystem();
  }
}
