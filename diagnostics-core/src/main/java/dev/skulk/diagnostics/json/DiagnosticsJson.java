package dev.skulk.diagnostics.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.Nulls;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the diagnostics model ({@code dev.skulk.diagnostics.model}) as the JSON Python
 * Skulk nodes serve and accept.
 *
 * <p><b>Writing</b> gives what pydantic's {@code model_dump_json} gives for the same bundle: every
 * field in the spec's order, {@code null} for an absent optional value, {@code []} and {@code {}}
 * for empty lists and maps, integers as integers, floats with Python's shortest round-trip digits
 * ({@code 40.0}, {@code 1e-7}, {@code 1e+16}), raw UTF-8 (only control characters are escaped),
 * compact. A NaN or infinite float cannot be written and fails.
 *
 * <p><b>Reading</b> accepts what a Python peer validating with {@code extra="forbid", strict=True}
 * accepts: the camelCase wire names or the snake_case Python field names; no type coercion (no
 * {@code "12"} for an integer, no {@code 1.0} for an integer, no {@code 1} for a boolean; an
 * integer for a float is fine); no missing required field; no null where the model has no
 * {@code @Nullable}; no unknown enum value; nothing after the JSON value; no lone UTF-16 surrogate
 * (<code>"&#92;ud800"</code>) in any string or member name, even one that is ignored. {@link #strict()} also
 * refuses unknown fields, as the peer does; {@link #lenient()} ignores them, to read bundles from
 * newer peers, and also accepts a record's Java component name where it differs from the wire name
 * ({@code libp2pNamespace} for {@code libp2PNamespace}). Absent optional fields take the model's
 * defaults.
 *
 * <p><b>Encoding.</b> Bytes and streams are UTF-8. {@link #strict()} refuses a UTF-8 byte-order
 * mark and UTF-16 or UTF-32 text, as a Python peer does; {@link #lenient()} accepts both (Jackson
 * detects UTF-16 and UTF-32 from the first bytes) so that a hand-edited file still reads.
 *
 * <p>Every failure, reading or writing, is a {@link DiagnosticsFormatException} naming the JSON
 * path and the reason.
 *
 * <p>Immutable and thread-safe; the two instances are built on first use and meant to be shared.
 * The first read or write of each type also builds and caches Jackson's (de)serializers for it,
 * which costs far more than later calls (a cold JVM took about 0.2 s for the first node bundle;
 * later ones took tens of microseconds for 8 KB).
 */
public final class DiagnosticsJson {

  private final boolean lenient;
  private final JsonMapper mapper;
  private final ObjectWriter compactWriter;
  private final ObjectWriter prettyWriter;
  private final ObjectWriter streamingWriter;

  private DiagnosticsJson(boolean lenient) {
    this.lenient = lenient;
    JsonFactory factory = JsonFactory.builder()
        .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
        .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE) // lower-case hex escapes, as Python writes them
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the caller owns its InputStream
        .build();
    this.mapper = JsonMapper.builder(factory)
        .annotationIntrospector(new WireNames(lenient))
        .addModule(new WireModule())
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, !lenient)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // checked in read(), with a plainer reason
        .changeDefaultPropertyInclusion(
            inclusion -> JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
        .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL)) // no null in a list or map
        .build();
    this.compactWriter = mapper.writer();
    this.prettyWriter = mapper.writer().with(pythonIndent2());
    // The caller owns the stream (an HTTP response): never closed here.
    this.streamingWriter = mapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
  }

  /** Reads as a Python peer does: unknown fields are errors. */
  public static DiagnosticsJson strict() {
    return Instances.STRICT;
  }

  /** Reads as {@link #strict()} but ignores unknown fields, for bundles from newer peers. */
  public static DiagnosticsJson lenient() {
    return Instances.LENIENT;
  }

  /**
   * Reads one JSON value as {@code type}.
   *
   * @throws DiagnosticsFormatException when the text is not a valid {@code type}
   */
  public <T> T read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    if (!lenient && !json.isEmpty() && json.charAt(0) == '\uFEFF') {
      throw new DiagnosticsFormatException("$", "the input starts with a byte-order mark");
    }
    try (JsonParser parser = new UnicodeCheckingParser(mapper.createParser(json))) {
      return read(parser, type);
    } catch (JacksonException e) {
      throw Failures.of(e);
    }
  }

  /**
   * Reads one JSON value, UTF-8 encoded, as {@code type}. {@link #lenient()} also takes a UTF-8
   * byte-order mark and UTF-16 or UTF-32 text; {@link #strict()} refuses them, as a Python peer does.
   *
   * @throws DiagnosticsFormatException when the bytes are not a valid {@code type}
   */
  public <T> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    requireUtf8(json, json.length);
    try (JsonParser parser = new UnicodeCheckingParser(mapper.createParser(json))) {
      return read(parser, type);
    } catch (JacksonException e) {
      throw Failures.of(e);
    }
  }

  /**
   * Reads one JSON value as {@code type} from {@code json}, to its end; does not close it. The
   * encodings accepted are those of {@link #read(byte[], Class)}.
   *
   * @throws DiagnosticsFormatException when the stream does not hold a valid {@code type}, or
   *     cannot be read (reason {@code I/O error: ...})
   */
  public <T> T read(InputStream json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    InputStream source = json;
    if (!lenient) {
      PushbackInputStream peekable = new PushbackInputStream(json, 4);
      byte[] head = new byte[4];
      int n = 0;
      try {
        for (int r; n < head.length && (r = peekable.read(head, n, head.length - n)) > 0; ) {
          n += r;
        }
        peekable.unread(head, 0, n);
      } catch (IOException e) {
        throw new DiagnosticsFormatException("$", "I/O error: " + e, e);
      }
      requireUtf8(head, n);
      source = peekable;
    }
    try (JsonParser parser = new UnicodeCheckingParser(mapper.createParser(source))) {
      return read(parser, type);
    } catch (JacksonException e) {
      throw Failures.of(e);
    }
  }

  /**
   * Every problem a read of {@code json} as {@code type} finds that it can get past, in document
   * order of discovery: empty when the document is valid. After a problem in an object member (an
   * unknown field, a bad optional value) the member is set aside and reading goes on; it stops at
   * the first problem it cannot get past (a required member missing or bad, a bad list element,
   * malformed JSON), which is the last one listed. At most 100 problems. Costs one read per problem.
   */
  public List<DiagnosticsFormatException> validate(byte[] json, Class<?> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    return List.copyOf(ProblemSweep.sweep(this, json, type));
  }

  /**
   * Strict reading refuses what a Python peer refuses before parsing: a UTF-8 byte-order mark, and
   * UTF-16 or UTF-32 text (JSON text starts with an ASCII character, so any of these puts a zero
   * byte, or a byte-order mark, in the first four bytes).
   */
  private void requireUtf8(byte[] head, int length) {
    if (lenient) {
      return;
    }
    if (length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
      throw new DiagnosticsFormatException("$", "not plain UTF-8: the input starts with a UTF-8 byte-order mark");
    }
    boolean utf16Mark = length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
        || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe);
    boolean zero = false;
    for (int i = 0; i < Math.min(4, length); i++) {
      zero |= head[i] == 0;
    }
    if (utf16Mark || zero) {
      throw new DiagnosticsFormatException("$", "not UTF-8: the input looks UTF-16 or UTF-32 encoded");
    }
  }

  private <T> T read(JsonParser parser, Class<T> type) {
    if (parser.nextToken() == null) {
      throw new DiagnosticsFormatException("$", "no JSON value: the input is empty");
    }
    T value = mapper.readValue(parser, type);
    if (value == null) {
      throw new DiagnosticsFormatException("$", "expected " + JsonShapes.expected(type) + ", got null");
    }
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw new DiagnosticsFormatException("$", "unexpected content after the JSON value: "
          + JsonShapes.found(trailing));
    }
    return value;
  }

  /**
   * Writes {@code value} as compact JSON, exactly as pydantic's {@code model_dump_json()} would.
   *
   * @throws DiagnosticsFormatException when it holds something JSON cannot carry (a NaN or an
   *     infinity)
   */
  public String write(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return compactWriter.writeValueAsString(value);
    } catch (JacksonException e) {
      throw Failures.of(e);
    }
  }

  /**
   * Writes {@code value} indented by two spaces, as pydantic's {@code model_dump_json(indent=2)}
   * would.
   *
   * @throws DiagnosticsFormatException as {@link #write(Object)}
   */
  public String writePretty(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return prettyWriter.writeValueAsString(value);
    } catch (JacksonException e) {
      throw Failures.of(e);
    }
  }

  /**
   * Writes {@code value} as compact JSON in UTF-8; the same text as {@link #write(Object)}.
   *
   * @throws DiagnosticsFormatException as {@link #write(Object)}
   */
  public byte[] writeBytes(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return compactWriter.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw Failures.of(e);
    }
  }

  /**
   * Streams {@code value} as compact JSON in UTF-8 to {@code out}, the same text as {@link
   * #write(Object)}, without building it in memory first (a cluster view can be large). {@code out}
   * is flushed, not closed. When writing fails half-way, what was written so far stays written: the
   * caller decides what a partial document means (the HTTP router buffers the start of a response
   * for that reason).
   *
   * @throws DiagnosticsFormatException as {@link #write(Object)}
   * @throws IOException when {@code out} fails
   */
  public void write(Object value, OutputStream out) throws IOException {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(out, "out");
    FailureRecordingStream target = new FailureRecordingStream(out);
    try {
      streamingWriter.writeValue(target, value);
    } catch (JacksonException e) {
      // Jackson wraps the stream's own failure, sometimes inside a path-annotated databind
      // exception; give the caller the IOException it is, not a format error.
      if (target.failure != null) {
        throw target.failure;
      }
      if (e instanceof JacksonIOException io && io.getCause() != null) {
        throw io.getCause();
      }
      throw Failures.of(e);
    }
  }

  /** Passes bytes through and remembers the stream's own failure. */
  private static final class FailureRecordingStream extends OutputStream {
    private final OutputStream out;
    @org.jspecify.annotations.Nullable IOException failure;

    FailureRecordingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }
  }

  /**
   * Writes {@code value} to {@code out} as it is serialized, compact or indented (the same text as
   * {@link #write(Object)} or {@link #writePretty(Object)}), without building the whole text in
   * memory first: for a cluster view of many large bundles the text is never held at once. {@code
   * out} is neither flushed nor closed.
   *
   * @throws DiagnosticsFormatException as {@link #write(Object)}
   * @throws UncheckedIOException when writing to {@code out} fails
   */
  public void writeTo(Object value, Writer out, boolean pretty) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(out, "out");
    // Jackson closes its target after the value; the caller owns this one.
    Writer unclosed = new FilterWriter(out) {
      @Override
      public void close() {
        // Not ours to close (nor to flush: buffering is the caller's choice).
      }
    };
    try {
      (pretty ? prettyWriter : compactWriter).writeValue(unclosed, value);
    } catch (JacksonException e) {
      // A failed write reaches us wrapped (with the JSON path being written); say it is I/O.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IOException io) {
          throw new UncheckedIOException(io.getMessage(), io);
        }
        if (t instanceof JacksonIOException) {
          throw new UncheckedIOException(new IOException(t.getMessage(), t));
        }
      }
      throw Failures.of(e);
    }
  }

  private static DefaultPrettyPrinter pythonIndent2() {
    Separators separators = Separators.createDefaultInstance()
        .withObjectNameValueSpacing(Separators.Spacing.AFTER)
        .withObjectEntrySpacing(Separators.Spacing.NONE)
        .withArrayElementSpacing(Separators.Spacing.NONE)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
  }

  /** Built on first use, then shared: both are immutable. */
  private static final class Instances {
    static final DiagnosticsJson STRICT = new DiagnosticsJson(false);
    static final DiagnosticsJson LENIENT = new DiagnosticsJson(true);
  }
}
