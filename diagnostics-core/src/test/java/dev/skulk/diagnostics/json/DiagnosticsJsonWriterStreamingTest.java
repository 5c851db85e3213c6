package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterNodeDiagnostics;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link DiagnosticsJson#writeTo}: the same text as write(), handed over piece by piece. */
class DiagnosticsJsonWriterStreamingTest {

  private static final DiagnosticsJson JSON = DiagnosticsJson.strict();

  /** The spec's two-node example with its ok node repeated until the text is over 2 MB. */
  private static ClusterDiagnostics bigCluster() {
    ClusterDiagnostics example = JSON.read(Fixtures.text("spec-example-cluster.json"), ClusterDiagnostics.class);
    List<ClusterNodeDiagnostics> nodes = new ArrayList<>();
    while (nodes.size() * 2_000L < 2_000_000L) {
      nodes.addAll(example.nodes());
    }
    return new ClusterDiagnostics(example.generatedAt(), example.localNodeId(), example.masterNodeId(), nodes);
  }

  /** Records the largest single write it was handed, and whether it was closed. */
  private static final class Recording extends Writer {
    final StringWriter text = new StringWriter();
    int largestWrite;
    boolean closed;

    @Override
    public void write(char[] cbuf, int off, int len) {
      largestWrite = Math.max(largestWrite, len);
      text.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      largestWrite = Math.max(largestWrite, len);
      text.write(str, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void writesTheSameTextAsWriteAndWritePrettyWithoutHoldingItWhole() {
    ClusterDiagnostics cluster = bigCluster();
    String compact = JSON.write(cluster);
    assertThat(compact.length()).isGreaterThan(2_000_000);

    Recording out = new Recording();
    JSON.writeTo(cluster, out, false);
    assertThat(out.text.toString()).isEqualTo(compact);
    assertThat(out.largestWrite).as("handed over in buffer-sized pieces").isLessThan(64 * 1024);
    assertThat(out.closed).isFalse();

    Recording pretty = new Recording();
    JSON.writeTo(cluster, pretty, true);
    assertThat(pretty.text.toString()).isEqualTo(JSON.writePretty(cluster));
  }

  @Test
  void aFailingWriterIsAnUncheckedIoExceptionWithItsCause() {
    Writer full = new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    assertThatThrownBy(() -> JSON.writeTo(bigCluster(), full, false))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("No space left on device");
  }
}
