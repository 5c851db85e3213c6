package dev.skulk.diagnostics.collectors;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.DiskUsageBuilder;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import dev.skulk.diagnostics.time.Ticker;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Total and usable space ({@code resources.disk}) of the volume holding the models directory:
 * {@code HostFacts.modelsDirectory}, else {@code ~/.skulk/models}; when that directory does not
 * exist, the home directory's volume. Usable space is what this process may still write ({@code
 * FileStore.getUsableSpace}), as Python's {@code psutil.disk_usage(...).free} is.
 *
 * <p>Platforms: every platform the JDK runs on (pure {@code java.nio}). Thread-safe. Cost: a
 * {@code stat} and two {@code statvfs} calls (the live figures). Which volume holds the directory
 * (the JDK finds it by reading the mount table, about a tenth of a millisecond on Linux) is kept
 * for {@link CollectorSupport#STATIC_FACT_TTL} (10 s) per directory.
 */
public final class DiskCollector implements Collector<DiskUsage> {

  /** This collector's name. */
  public static final String NAME = "models-disk";

  private static final Logger LOG = LoggerFactory.getLogger(DiskCollector.class);

  private final Path home;
  private final StoreLookup lookup;
  private final Expiring<Volume> volume;

  /** Finds the volume holding a directory ({@link Files#getFileStore} outside tests). */
  @FunctionalInterface
  interface StoreLookup {
    FileStore find(Path directory) throws IOException;
  }

  /** The volume found for a directory. */
  private record Volume(Path directory, FileStore store) {}

  /** A collector for this machine (home from {@code user.home}). */
  public DiskCollector() {
    this(Path.of(System.getProperty("user.home", ".")));
  }

  DiskCollector(Path home) {
    this(home, Files::getFileStore, Ticker.system());
  }

  DiskCollector(Path home, StoreLookup lookup, Ticker ticker) {
    this.home = home;
    this.lookup = lookup;
    this.volume = new Expiring<>(ticker, CollectorSupport.STATIC_FACT_TTL);
  }

  @Override
  public Slot<DiskUsage> slot() {
    return Slot.DISK;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public DiskUsage collect(CollectContext context) throws IOException {
    Path directory = modelsDirectory(context);
    Expiring.Loader<Volume, IOException> find = () -> new Volume(directory, lookup.find(directory));
    Volume found = volume.get(find);
    if (!found.directory().equals(directory)) {
      // The directory changed (the models directory was created or removed): find its volume now.
      volume.invalidate();
      found = volume.get(find);
    }
    FileStore store = found.store();
    return new DiskUsageBuilder()
        .total(Memory.ofBytes(store.getTotalSpace()))
        .available(Memory.ofBytes(store.getUsableSpace()))
        .build();
  }

  /** The directory whose volume is measured. */
  Path modelsDirectory(CollectContext context) {
    String configured = context.hostFacts().modelsDirectory();
    Path models =
        configured != null ? Path.of(expandHome(configured)) : home.resolve(".skulk").resolve("models");
    if (Files.isDirectory(models)) {
      return models;
    }
    LOG.debug("models directory {} does not exist; measuring the home volume", models);
    return home;
  }

  private String expandHome(String path) {
    if (path.equals("~")) {
      return home.toString();
    }
    if (path.startsWith("~/")) {
      return home.resolve(path.substring(2)).toString();
    }
    return path;
  }
}
