package dev.skulk.diagnostics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostnamesTest {

  @Test
  void theKernelsNodeNameWinsOverTheEnvironmentAsPythonsGethostnameDoes(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), "gpu-node-7\n");
    // HOSTNAME is a shell variable a launcher may have set to anything; uname's answer is the truth.
    assertThat(Hostnames.local(root, Map.of("HOSTNAME", "stale", "COMPUTERNAME", "WIN")::get)).isEqualTo("gpu-node-7");
  }

  @Test
  void withoutTheKernelFileTheEnvironmentDecidesHostnameFirst(@TempDir Path root) throws Exception {
    assertThat(Hostnames.local(root, Map.of("HOSTNAME", " studio.local ", "COMPUTERNAME", "WIN")::get))
        .isEqualTo("studio.local");
    assertThat(Hostnames.local(root, Map.of("COMPUTERNAME", "WIN-NODE7")::get)).isEqualTo("WIN-NODE7");
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), "  \n");
    assertThat(Hostnames.local(root, Map.of("HOSTNAME", "   ")::get)).as("blank everywhere").isNull();
  }
}
