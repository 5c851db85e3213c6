package dev.skulk.diagnostics.cluster.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One bounded request to a peer: the request timeout bounds the wait for the headers, a timer
 * closes the body stream at the deadline (a peer that trickles bytes, or sends headers and then
 * nothing, is cut off), and the body is read up to a cap. Every failure is a {@link Failure} whose
 * message is {@code <Kind>: <detail>}. Not a stable API.
 *
 * <p>Thread-safe; each call blocks its thread until the deadline at most.
 */
public final class PeerHttp {

  /** How much of an error body is read for its detail. */
  static final int ERROR_BODY_BYTES = 64 * 1024;

  private final HttpClient http;
  private final ScheduledExecutorService timer;
  private final Duration connectTimeout;

  /**
   * @param connectTimeout what the client's connect timeout is, for messages
   */
  public PeerHttp(HttpClient http, ScheduledExecutorService timer, Duration connectTimeout) {
    this.http = Objects.requireNonNull(http, "http");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /** A 2xx answer: its status and body. */
  public record Answer(int status, byte[] body) {}

  /** A failed exchange; the message is {@code <Kind>: <detail>}. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final @Nullable String peerDetail;

    Failure(String message) {
      this(message, -1, null);
    }

    Failure(String message, int status, @Nullable String peerDetail) {
      super(message, null, false, false);
      this.status = status;
      this.peerDetail = peerDetail;
    }

    /** The peer's HTTP status when it answered with a non-2xx one, else -1. */
    public int status() {
      return status;
    }

    /** What the peer's error body said (its {@code detail} or {@code error.message}), if anything. */
    public @Nullable String peerDetail() {
      return peerDetail;
    }
  }

  /**
   * Sends {@code request} (which must carry its timeout) and reads a 2xx body of at most {@code
   * maxBytes} before {@code deadlineNanos} ({@link System#nanoTime()} time).
   *
   * @throws Failure for every way it can fail, including interruption (a {@code ReadTimeout})
   */
  public Answer exchange(HttpRequest request, long deadlineNanos, long maxBytes) throws Failure {
    URI target = request.uri();
    long budgetNanos = deadlineNanos - System.nanoTime();
    if (budgetNanos <= 0) {
      throw new Failure("ReadTimeout: the deadline passed before the request to '" + target + "' started");
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new Failure("ConnectTimeout: connecting to '" + authority(target) + "' timed out after "
          + seconds(connectTimeout) + "s");
    } catch (HttpTimeoutException e) {
      throw new Failure("ReadTimeout: no response from '" + target + "' within "
          + seconds(request.timeout().orElse(Duration.ZERO)) + "s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("ReadTimeout: the request to '" + target + "' was cancelled at the deadline");
    } catch (IOException e) {
      throw new Failure(describe(e, target));
    } catch (IllegalArgumentException | SecurityException e) {
      throw new Failure("InvalidURL: " + target + ": " + e.getMessage());
    }
    int status = response.statusCode();
    InputStream in = response.body();
    AtomicBoolean cutOff = new AtomicBoolean();
    long left = deadlineNanos - System.nanoTime();
    ScheduledFuture<?> guard =
        timer.schedule(
            () -> {
              cutOff.set(true);
              closeQuietly(in);
            },
            Math.max(0, left),
            TimeUnit.NANOSECONDS);
    byte[] body;
    ReadOutcome outcome = new ReadOutcome();
    try (in) {
      boolean success = status >= 200 && status < 300;
      if (success) {
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        if (declared > maxBytes) {
          throw new Failure("ResponseTooLarge: '" + target + "' declared " + declared
              + " bytes, over the cap of " + maxBytes + " bytes");
        }
      }
      body = read(in, success ? maxBytes : ERROR_BODY_BYTES, deadlineNanos, outcome);
      if (cutOff.get() || outcome.pastDeadline) {
        throw timedOut(target, request, outcome.bytes);
      }
      if (success && outcome.overCap) {
        throw new Failure("ResponseTooLarge: the response from '" + target + "' exceeds the cap of "
            + maxBytes + " bytes");
      }
    } catch (IOException e) {
      if (cutOff.get() || System.nanoTime() - deadlineNanos >= 0) {
        throw timedOut(target, request, outcome.bytes);
      }
      throw new Failure(describe(e, target));
    } finally {
      guard.cancel(false);
    }
    if (status >= 200 && status < 300) {
      return new Answer(status, body);
    }
    String detail = PlainJson.errorDetail(body);
    StringBuilder message =
        new StringBuilder("HTTPStatusError: ")
            .append(HttpStatusPhrases.statusClass(status))
            .append(" '")
            .append(status);
    String phrase = HttpStatusPhrases.phrase(status);
    if (!phrase.isEmpty()) {
      message.append(' ').append(phrase);
    }
    message.append("' for url '").append(target).append('\'');
    if (status >= 300 && status < 400) {
      response.headers().firstValue("Location")
          .ifPresent(location -> message.append(" (redirect to '").append(location).append("' not followed)"));
    }
    if (detail != null) {
      message.append(": ").append(detail);
    }
    throw new Failure(message.toString(), status, detail);
  }

  private static Failure timedOut(URI target, HttpRequest request, long bytes) {
    return new Failure("ReadTimeout: the response from '" + target + "' was not complete within "
        + seconds(request.timeout().orElse(Duration.ZERO)) + "s (" + bytes + " bytes read)");
  }

  private static final class ReadOutcome {
    long bytes;
    boolean overCap;
    boolean pastDeadline;
  }

  /** Reads to the end, the cap plus one byte, or the deadline, whichever comes first. */
  private static byte[] read(InputStream in, long cap, long deadlineNanos, ReadOutcome outcome) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      outcome.bytes += n;
      if (outcome.bytes > cap) {
        outcome.overCap = true;
        kept.write(buffer, 0, (int) Math.max(0, n - (outcome.bytes - cap)));
        break;
      }
      kept.write(buffer, 0, n);
      if (System.nanoTime() - deadlineNanos >= 0) {
        outcome.pastDeadline = true;
        break;
      }
    }
    return kept.toByteArray();
  }

  /** {@code ConnectError: ...} for a peer refused, unreachable or not resolved, else {@code ReadError: ...}. */
  static String describe(IOException e, URI target) {
    // The JDK client reports a name it cannot resolve as a message-less ConnectException caused by
    // an UnresolvedAddressException; say that the name did not resolve, not "Connection refused".
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "ConnectError: cannot resolve host '" + target.getHost() + "': Name or service not known ('"
            + authority(target) + "')";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException) {
        String reason = t.getMessage() != null ? t.getMessage() : reasonOf(t);
        return "ConnectError: " + reason + " ('" + authority(target) + "')";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "ConnectTimeout: connecting to '" + authority(target) + "' timed out";
      }
      if (t instanceof HttpTimeoutException) {
        return "ReadTimeout: no response from '" + target + "'";
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof EOFException || message.contains("received no bytes") || message.contains("closed")) {
      return "RemoteProtocolError: the peer closed the connection without a complete response ("
          + message + ") for url '" + target + "'";
    }
    return "ReadError: " + message + " for url '" + target + "'";
  }

  private static String reasonOf(Throwable t) {
    if (t.getCause() != null && t.getCause().getMessage() != null) {
      return t.getCause().getMessage();
    }
    return "Connection refused";
  }

  private static String authority(URI target) {
    return target.getScheme() + "://" + target.getRawAuthority();
  }

  /** Seconds as Python prints a float: {@code 2.0}, {@code 0.5}. */
  static String seconds(Duration d) {
    return PythonRepr.repr(d.toNanos() / 1e9);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // Closing only to unblock a reader; nothing to do about a failure here.
    }
  }
}
