package dev.skulk.diagnostics.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.DiskUsage;
import dev.skulk.diagnostics.spi.HostFactsBuilder;
import dev.skulk.diagnostics.testkit.TestCollectContext;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.testkit.CollectorCompatibilityKit;

/** On this machine's file systems. */
class DiskCollectorTest extends CollectorCompatibilityKit {

  @Override
  protected Collector<?> createCollector() {
    return new DiskCollector();
  }

  @Test
  void measuresTheDefaultModelsDirectoryWhenItExists(@TempDir Path home) throws IOException {
    Path models = Files.createDirectories(home.resolve(".skulk/models"));
    DiskCollector collector = new DiskCollector(home);

    assertThat(collector.modelsDirectory(TestCollectContext.create())).isEqualTo(models);
    assertReadingMatches(collector.collect(TestCollectContext.create()), Files.getFileStore(models));
  }

  @Test
  void fallsBackToHomeWhenTheModelsDirectoryIsAbsent(@TempDir Path home) throws IOException {
    DiskCollector collector = new DiskCollector(home);

    assertThat(collector.modelsDirectory(TestCollectContext.create())).isEqualTo(home);
    assertReadingMatches(collector.collect(TestCollectContext.create()), Files.getFileStore(home));
  }

  @Test
  void hostFactsModelsDirectoryWins(@TempDir Path home, @TempDir Path elsewhere) throws IOException {
    DiskCollector collector = new DiskCollector(home);
    TestCollectContext context =
        TestCollectContext.builder()
            .hostFacts(new HostFactsBuilder().modelsDirectory(elsewhere.toString()).build())
            .build();
    TestCollectContext tilde =
        TestCollectContext.builder().hostFacts(new HostFactsBuilder().modelsDirectory("~/weights").build()).build();
    Files.createDirectories(home.resolve("weights"));

    assertThat(collector.modelsDirectory(context)).isEqualTo(elsewhere);
    assertThat(collector.modelsDirectory(tilde)).isEqualTo(home.resolve("weights"));
    assertReadingMatches(collector.collect(context), Files.getFileStore(elsewhere));
  }

  @Test
  void realHome() throws IOException {
    DiskCollector collector = new DiskCollector();
    assertThat(collector.isAvailable()).isTrue();
    DiskUsage disk = collector.collect(TestCollectContext.create());
    assertThat(disk.total().inBytes()).isPositive();
    assertThat(disk.available().inBytes()).isBetween(0L, disk.total().inBytes());
  }

  private static void assertReadingMatches(DiskUsage disk, FileStore store) throws IOException {
    assertThat(disk.total().inBytes()).isEqualTo(store.getTotalSpace()).isPositive();
    // Usable space moves as other builds write; a few hundred MiB either way is the same volume.
    assertThat(disk.available().inBytes())
        .isBetween(0L, disk.total().inBytes())
        .isCloseTo(store.getUsableSpace(), org.assertj.core.data.Offset.offset(512L * 1024 * 1024));
  }
}
