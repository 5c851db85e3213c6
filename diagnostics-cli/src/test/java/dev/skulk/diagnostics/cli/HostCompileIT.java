package dev.skulk.diagnostics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that builds with {@code javac -Xlint:all -Werror} compiles against our published jars.
 *
 * <p>The host's class path is what Maven gives a project that depends on api, core and collectors:
 * their jars and their compile-scope dependencies (Jackson, SLF4J, JSpecify, OSHI, JNA), and not
 * our build-time-only ones (Immutables is {@code provided}): an annotation of ours whose class the
 * host cannot see must not turn into a warning, hence an error, in the host's build.
 */
class HostCompileIT {

  private static final List<String> HOST_VISIBLE = List.of(
      "diagnostics-api", "diagnostics-core", "diagnostics-collectors",
      "jackson-databind", "jackson-core", "jackson-annotations", "slf4j-api", "jspecify",
      "oshi-core", "oshi-common", "jna-jpms", "jna-platform-jpms");

  private static final String HOST = """
      package host;

      import dev.skulk.diagnostics.assembly.DiagnosticsAssembler;
      import dev.skulk.diagnostics.collectors.MemoryCollector;
      import dev.skulk.diagnostics.json.DiagnosticsJson;
      import dev.skulk.diagnostics.model.DiskUsage;
      import dev.skulk.diagnostics.model.DiskUsageBuilder;
      import dev.skulk.diagnostics.model.Memory;
      import dev.skulk.diagnostics.model.NodeDiagnostics;
      import dev.skulk.diagnostics.spi.CollectContext;
      import dev.skulk.diagnostics.spi.Collector;
      import dev.skulk.diagnostics.spi.HostFactsBuilder;
      import dev.skulk.diagnostics.spi.Slot;
      import dev.skulk.diagnostics.state.InstanceViewBuilder;
      import dev.skulk.diagnostics.state.TaskViewBuilder;

      /** A node daemon's own collector and its assembly, as the README shows them. */
      public final class HostDaemon {

        private HostDaemon() {}

        /** The host's disk reading. */
        static final class ScratchDisk implements Collector<DiskUsage> {
          @Override
          public Slot<DiskUsage> slot() {
            return Slot.DISK;
          }

          @Override
          public String name() {
            return "host-scratch-disk";
          }

          @Override
          public DiskUsage collect(CollectContext context) {
            return new DiskUsageBuilder().total(Memory.ofGiB(2)).available(Memory.ofGiB(1)).build();
          }
        }

        /**
         * One bundle as JSON.
         *
         * @return the bundle
         */
        public static String bundle() {
          try (DiagnosticsAssembler assembler = DiagnosticsAssembler.builder()
              .nodeId("host-node")
              .addCollector(new ScratchDisk())
              .build()) {
            NodeDiagnostics bundle = assembler.assembleNode();
            Object[] builders = {new HostFactsBuilder(), new InstanceViewBuilder(), new TaskViewBuilder()};
            return DiagnosticsJson.strict().write(bundle) + MemoryCollector.NAME + builders.length;
          }
        }
      }
      """;

  @Test
  void aWerrorHostCompilesAgainstTheJars(@TempDir Path dir) throws IOException {
    List<String> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> HOST_VISIBLE.stream().anyMatch(name -> Path.of(entry).toString().contains(name)))
        .collect(Collectors.toList());
    assertThat(classPath).as("class path from the build").hasSizeGreaterThanOrEqualTo(HOST_VISIBLE.size());
    assertThat(classPath).noneMatch(entry -> entry.contains("immutables"));

    Path source = dir.resolve("src/host/HostDaemon.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, HOST, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
            "-classpath", String.join(File.pathSeparator, classPath),
            "-d", dir.resolve("classes").toString()),
        null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source.toFile()))
        .call();
    assertThat(diagnostics.toString()).as("javac output").isEmpty();
    assertThat(ok).isTrue();
  }
}
