package dev.skulk.diagnostics.collectors;

import java.util.Locale;

/** The operating-system families the collectors tell apart, from {@code os.name}. */
enum OsFamily {
  LINUX,
  MACOS,
  WINDOWS,
  OTHER;

  private static final OsFamily CURRENT = of(System.getProperty("os.name", ""));

  /** The family of the running JVM's operating system. */
  static OsFamily current() {
    return CURRENT;
  }

  /** The family of an {@code os.name} value. */
  static OsFamily of(String osName) {
    String name = osName.toLowerCase(Locale.ROOT);
    if (name.startsWith("linux")) {
      return LINUX;
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return MACOS;
    }
    if (name.startsWith("windows")) {
      return WINDOWS;
    }
    return OTHER;
  }

  /** Whether OSHI's readings are used on this family (the families the collectors are tested on). */
  boolean oshiSupported() {
    return this != OTHER;
  }
}
