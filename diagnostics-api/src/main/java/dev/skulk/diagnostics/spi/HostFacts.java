package dev.skulk.diagnostics.spi;

import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;

/**
 * Runtime facts only the host knows, handed to every collector. All optional: a collector falls
 * back to what it can find itself (the jar manifest for the version, {@code ~/.skulk/models} for
 * the models directory, {@code SKULK_MLXC_LIBRARY} for mlx-c).
 *
 * <p>Immutable and thread-safe; build with {@code HostFactsBuilder} (generated).
 *
 * @param configPath the config path the host resolved (reported as {@code runtime.configPath})
 * @param skulkVersion the host's version, when it knows it
 * @param skulkCommit the host's git commit, when it knows it
 * @param loggingIngestUrl the centralized logging ingest URL, when configured (redacted before it
 *     is reported)
 * @param structuredLoggingConfigured whether config enables centralized structured logging
 * @param modelsDirectory the directory models are stored in (disk readings are taken there)
 * @param mlxLibraryPath the path of the mlx-c shared library, when the host knows it
 * @param mlxWiredLimitBytes the last MLX wired limit the host set, when known
 */
@Value.Builder
public record HostFacts(
    @Value.Default.String("config.yaml") String configPath,
    @Nullable String skulkVersion,
    @Nullable String skulkCommit,
    @Nullable String loggingIngestUrl,
    @Value.Default.Boolean(false) boolean structuredLoggingConfigured,
    @Nullable String modelsDirectory,
    @Nullable String mlxLibraryPath,
    @Nullable Long mlxWiredLimitBytes) {

  /** Checks and normalises the components: a null {@code configPath} becomes {@code "config.yaml"}. */
  public HostFacts {
    configPath = configPath == null ? "config.yaml" : configPath;
  }

  /** No host facts: every collector uses its own fallbacks. */
  public static HostFacts none() {
    return new HostFactsBuilder().build();
  }
}
