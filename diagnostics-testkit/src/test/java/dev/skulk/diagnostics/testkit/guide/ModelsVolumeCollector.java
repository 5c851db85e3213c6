package dev.skulk.diagnostics.testkit.guide;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.model.Memory;
import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's "a collector of your own": the volume a host keeps its models on, as {@code resources.disk}. */
final class ModelsVolumeCollector implements Collector<DiskUsage> {

  private final Path modelsDir;

  ModelsVolumeCollector(Path modelsDir) {
    this.modelsDir = modelsDir;
  }

  @Override
  public Slot<DiskUsage> slot() {
    return Slot.DISK;
  }

  @Override
  public String name() {
    return "models-volume";
  }

  @Override
  public int priority() {
    return 100; // wins over the default models-disk collector (0)
  }

  @Override
  public DiskUsage collect(CollectContext context) throws IOException {
    FileStore store = Files.getFileStore(modelsDir);
    return new DiskUsage(Memory.ofBytes(store.getTotalSpace()), Memory.ofBytes(store.getUsableSpace()));
  }
}
