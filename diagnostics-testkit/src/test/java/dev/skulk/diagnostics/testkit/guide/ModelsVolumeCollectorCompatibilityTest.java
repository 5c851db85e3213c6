package dev.skulk.diagnostics.testkit.guide;

import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;
import java.nio.file.Path;

/** The README's CollectorCompatibilityKit example: every inherited check runs on the host's collector. */
class ModelsVolumeCollectorCompatibilityTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new ModelsVolumeCollector(Path.of(System.getProperty("java.io.tmpdir")));
  }
}
