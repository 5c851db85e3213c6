package dev.skulk.diagnostics.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skulk.diagnostics.model.ClusterDiagnostics;
import dev.skulk.diagnostics.model.ClusterTimeline;
import dev.skulk.diagnostics.model.DiagnosticCaptureResponse;
import dev.skulk.diagnostics.model.NodeDiagnostics;
import dev.skulk.diagnostics.model.RunnerDiagnosticUpdate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hostile documents against the codec: whatever the bytes, reading (strict and lenient, from bytes
 * and from a stream) and validating only ever end in a value or a {@link
 * DiagnosticsFormatException}; never another exception, a {@code StackOverflowError} or an
 * {@code OutOfMemoryError}. Mutations are seeded; a failure prints the seed, the mutation and the
 * document's head.
 */
class CodecFuzzTest {

  private static final long SEED = 20261201L;
  private static final int MUTATIONS_PER_DOCUMENT = 150;
  private static final List<Class<?>> TYPES = List.of(ClusterDiagnostics.class, NodeDiagnostics.class,
      ClusterTimeline.class, DiagnosticCaptureResponse.class, RunnerDiagnosticUpdate.class);

  private final DiagnosticsJson strict = DiagnosticsJson.strict();
  private final DiagnosticsJson lenient = DiagnosticsJson.lenient();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = CodecFuzzTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void mutatedBundlesOnlyEverFailAsFormatProblems() throws IOException {
    List<byte[]> documents = List.of(resource("spec-example-cluster.json"), resource("cluster-with-failed-peer.json"),
        resource("node-mid-decode.json"), resource("node-mid-decode-pretty.json"));
    SplittableRandom random = new SplittableRandom(SEED);
    int accepted = 0;
    int refused = 0;
    for (byte[] document : documents) {
      for (int i = 0; i < MUTATIONS_PER_DOCUMENT; i++) {
        Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
        byte[] mutated = mutation.apply().apply(new Input(document, random.split()));
        for (Class<?> type : TYPES) {
          Outcome outcome = tryAll(mutated, type, mutation.name(), i % 8 == 0);
          accepted += outcome == Outcome.READ ? 1 : 0;
          refused += outcome == Outcome.REFUSED ? 1 : 0;
        }
      }
    }
    // Both outcomes must occur, or the mutations are not reaching the reader.
    assertThat(accepted).as("mutated documents still read").isPositive();
    assertThat(refused).as("mutated documents refused").isPositive();
  }

  @Test
  void pathologicalDocumentsFailAsFormatProblems() {
    List<String> documents = new ArrayList<>();
    documents.add("[".repeat(200_000));
    documents.add("{\"a\":".repeat(100_000));
    documents.add("{\"generatedAt\":\"" + "x".repeat(3_000_000) + "\"}");
    documents.add("{\"generatedAt\":\"t\",\"localNodeId\":" + "9".repeat(100_000) + "}");
    documents.add("{\"generatedAt\":\"t\",\"localNodeId\":\"n\",\"nodes\":[],\"nodes\":[]}");
    documents.add("{\"generatedAt\":\"\\ud800\",\"localNodeId\":\"n\"}");
    documents.add("{\"generatedAt\":\"\\udc00\\ud800\",\"localNodeId\":\"n\"}");
    documents.add("");
    documents.add("null");
    documents.add("{\"generatedAt\":1e999999,\"localNodeId\":\"n\"}");
    for (String document : documents) {
      for (Class<?> type : TYPES) {
        tryAll(document.getBytes(StandardCharsets.UTF_8), type, "pathological " + head(document), true);
      }
    }
    byte[][] rawBytes = {
        {(byte) 0xff, (byte) 0xfe, '{', 0, '}', 0},
        {'{', '"', 'a', (byte) 0xc0, (byte) 0xaf, '"', ':', '1', '}'},
        {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'},
        {'"', (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
    };
    for (byte[] bytes : rawBytes) {
      for (Class<?> type : TYPES) {
        tryAll(bytes, type, "raw bytes", true);
      }
    }
  }

  private enum Outcome { READ, REFUSED }

  /** Reads it every way; validates too when {@code validate} (up to 100 reads, so not every time). */
  private Outcome tryAll(byte[] document, Class<?> type, String what, boolean validate) {
    Outcome first = null;
    for (DiagnosticsJson json : List.of(strict, lenient)) {
      try {
        json.read(document, type);
        first = first == null ? Outcome.READ : first;
      } catch (DiagnosticsFormatException expected) {
        first = first == null ? Outcome.REFUSED : first;
      } catch (Throwable t) {
        throw new AssertionError(failure(what, type, document), t);
      }
      try {
        json.read(new ByteArrayInputStream(document), type);
      } catch (DiagnosticsFormatException expected) {
        // the same document read from a stream may fail only the same way
      } catch (Throwable t) {
        throw new AssertionError(failure(what, type, document) + " (from a stream)", t);
      }
    }
    try {
      if (validate) {
        strict.validate(document, type);
      }
    } catch (Throwable t) {
      throw new AssertionError(failure(what, type, document) + " (validate)", t);
    }
    return first;
  }

  private static String failure(String what, Class<?> type, byte[] document) {
    return "seed " + SEED + ", " + what + ", as " + type.getSimpleName() + ": "
        + head(new String(document, StandardCharsets.UTF_8));
  }

  private static String head(String document) {
    return document.length() > 120 ? document.substring(0, 120) + "... (" + document.length() + " chars)" : document;
  }

  private record Input(byte[] document, SplittableRandom random) {}

  private record Mutation(String name, Function<Input, byte[]> apply) {}

  private static final List<Mutation> MUTATIONS = List.of(
      new Mutation("truncate", in -> java.util.Arrays.copyOf(in.document(), in.random().nextInt(in.document().length))),
      new Mutation("flip a byte", in -> {
        byte[] out = in.document().clone();
        out[in.random().nextInt(out.length)] = (byte) in.random().nextInt(256);
        return out;
      }),
      new Mutation("insert invalid UTF-8", in -> insert(in, new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff})),
      new Mutation("insert a lone surrogate escape", in -> insert(in, "\\ud800".getBytes(StandardCharsets.US_ASCII))),
      new Mutation("swap a value's type", in -> replaceToken(in, List.of("1", "1.5", "\"s\"", "true", "null", "[]", "{}",
          "-0", "1e400", "12345678901234567890123"))),
      new Mutation("duplicate a key", in -> {
        String text = new String(in.document(), StandardCharsets.UTF_8);
        int at = text.indexOf("\":", in.random().nextInt(Math.max(1, text.length() / 2)));
        if (at < 0) {
          return in.document();
        }
        int start = text.lastIndexOf('"', at - 1);
        int comma = text.indexOf(',', at);
        if (start < 0 || comma < 0) {
          return in.document();
        }
        return (text.substring(0, comma + 1) + text.substring(start, comma + 1) + text.substring(comma + 1))
            .getBytes(StandardCharsets.UTF_8);
      }),
      new Mutation("nest deeply", in -> insert(in, "[".repeat(5_000).getBytes(StandardCharsets.US_ASCII))),
      new Mutation("huge string", in -> replaceToken(in, List.of("\"" + "y".repeat(50_000) + "\""))),
      new Mutation("huge number", in -> replaceToken(in, List.of("7".repeat(5_000), "0." + "3".repeat(5_000)))));

  private static byte[] insert(Input in, byte[] bytes) {
    int at = in.random().nextInt(in.document().length + 1);
    byte[] out = new byte[in.document().length + bytes.length];
    System.arraycopy(in.document(), 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(in.document(), at, out, at + bytes.length, in.document().length - at);
    return out;
  }

  /** Replaces the value after a random {@code ":"} with one of {@code values}. */
  private static byte[] replaceToken(Input in, List<String> values) {
    String text = new String(in.document(), StandardCharsets.UTF_8);
    int colon = text.indexOf("\":", in.random().nextInt(text.length()));
    if (colon < 0) {
      return in.document();
    }
    int start = colon + 2;
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    int end = start;
    if (end < text.length() && text.charAt(end) == '"') {
      end = text.indexOf('"', end + 1) + 1;
    } else {
      while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
        end++;
      }
    }
    if (end <= start) {
      return in.document();
    }
    String value = values.get(in.random().nextInt(values.size()));
    return (text.substring(0, start) + value + text.substring(end)).getBytes(StandardCharsets.UTF_8);
  }
}
