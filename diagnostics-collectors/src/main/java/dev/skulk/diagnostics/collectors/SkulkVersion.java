package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.spi.HostFacts;

/** The Skulk version and commit a node reports, from host facts with fallbacks. */
final class SkulkVersion {

  /** The {@code Implementation-Version} of this jar's manifest, or null when run from classes. */
  private static final String JAR_VERSION = SkulkVersion.class.getPackage().getImplementationVersion();

  private SkulkVersion() {}

  /** {@code HostFacts.skulkVersion}, else this jar's manifest version, else {@code unknown}. */
  static String version(HostFacts facts) {
    String version = CollectorSupport.known(facts.skulkVersion());
    if (version != null) {
      return version;
    }
    return JAR_VERSION != null && !JAR_VERSION.isBlank() ? JAR_VERSION : "unknown";
  }

  /** {@code HostFacts.skulkCommit}, else {@code Unknown}. */
  static String commit(HostFacts facts) {
    String commit = facts.skulkCommit();
    return commit != null && !commit.isBlank() ? commit.strip() : "Unknown";
  }
}
