package dev.skulk.diagnostics.cluster.internal;

import dev.skulk.diagnostics.json.PythonFloats;
import dev.skulk.diagnostics.time.Ticker;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One bounded request to a peer, without a thread of its own: the request goes out through {@link
 * HttpClient#sendAsync}, its body is taken chunk by chunk as it arrives up to a per-peer cap and
 * within a shared {@link ByteBudget}, and a timer fails the exchange (and cancels it, closing the
 * connection) at the deadline, whether the peer is silent, sends headers and then nothing, or
 * trickles bytes. Every failure is a {@link Failure} whose message is {@code <Kind>: <detail>}. Not
 * a stable API.
 *
 * <p>Thread-safe. An exchange holds no thread while it waits; its cost is the body it keeps (at
 * most the cap) and one timer task.
 */
public final class PeerHttp {

  /** How much of an error body is read for its detail. */
  static final int ERROR_BODY_BYTES = 64 * 1024;

  private final HttpClient http;
  private final ScheduledExecutorService timer;
  private final Duration connectTimeout;
  private final Ticker ticker;

  /**
   * @param timer where deadlines are kept (one task per exchange)
   * @param connectTimeout what the client's connect timeout is, for messages
   * @param ticker the time of every deadline given to this instance
   */
  public PeerHttp(HttpClient http, ScheduledExecutorService timer, Duration connectTimeout, Ticker ticker) {
    this.http = Objects.requireNonNull(http, "http");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
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
   * Sends {@code request} (which should carry its timeout) and reads a 2xx body of at most {@code
   * maxBytes} before {@code deadlineNanos} (this instance's ticker time), blocking the caller.
   *
   * @throws Failure for every way it can fail, including interruption (a {@code ReadTimeout})
   */
  public Answer exchange(HttpRequest request, long deadlineNanos, long maxBytes) throws Failure {
    CompletableFuture<Answer> answer = send(request, deadlineNanos, maxBytes, ByteBudget.unlimited());
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answer.cancel(true);
      throw new Failure("ReadTimeout: the request to '" + request.uri() + "' was cancelled at the deadline");
    } catch (ExecutionException e) {
      throw classify(e.getCause() == null ? e : e.getCause(), request);
    } catch (CancellationException e) {
      throw new Failure("ReadTimeout: the request to '" + request.uri() + "' was cancelled");
    }
  }

  /**
   * Starts {@code request} and completes with the 2xx body, or exceptionally with a {@link
   * Failure}, by {@code deadlineNanos} (this instance's ticker time) at the latest. The body's bytes
   * are reserved in {@code budget} as they arrive (all at once when the peer declares a length);
   * when they do not fit, the exchange fails with {@code ResponseTooLarge} and gives its bytes
   * back. Cancelling the returned future aborts the exchange.
   */
  public CompletableFuture<Answer> send(HttpRequest request, long deadlineNanos, long maxBytes, ByteBudget budget) {
    URI target = request.uri();
    long budgetNanos = deadlineNanos - ticker.read();
    if (budgetNanos <= 0) {
      return CompletableFuture.failedFuture(
          new Failure("ReadTimeout: the deadline passed before the request to '" + target + "' started"));
    }
    CompletableFuture<Answer> result = new CompletableFuture<>();
    AtomicReference<@Nullable CappedBody> body = new AtomicReference<>();
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = http.sendAsync(request, info -> {
        boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
        CappedBody subscriber = new CappedBody(target, success, success ? maxBytes : ERROR_BODY_BYTES,
            success ? budget : ByteBudget.unlimited(), info.headers().firstValueAsLong("Content-Length").orElse(-1L));
        body.set(subscriber);
        return subscriber;
      });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(classify(e, request));
    }
    ScheduledFuture<?> guard;
    try {
      guard = timer.schedule(() -> {
        CappedBody subscriber = body.get();
        Failure late = subscriber == null
            ? new Failure("ReadTimeout: no response from '" + target + "' within " + seconds(timeoutOf(request)) + "s")
            : timedOut(target, request, subscriber.bytesRead());
        if (result.completeExceptionally(late)) {
          abort(sent, subscriber);
        }
      }, budgetNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      sent.cancel(true);
      return CompletableFuture.failedFuture(new Failure("ReadTimeout: the client was closed before '" + target + "' answered"));
    }
    sent.whenComplete((response, error) -> {
      guard.cancel(false);
      if (error != null) {
        result.completeExceptionally(classify(error, request));
        return;
      }
      try {
        Answer answer = answerOf(response, target);
        if (!result.complete(answer)) {
          budget.release(answer.body().length); // the deadline won the race: nobody keeps this body
        }
      } catch (Failure f) {
        result.completeExceptionally(f);
      }
    });
    // A caller that gives up (cancels) aborts the exchange and frees its connection and bytes.
    result.whenComplete((answer, error) -> {
      if (result.isCancelled()) {
        abort(sent, body.get());
      }
    });
    return result;
  }

  private static void abort(CompletableFuture<?> sent, @Nullable CappedBody subscriber) {
    if (subscriber != null) {
      subscriber.abort();
    }
    sent.cancel(true);
  }

  private static Answer answerOf(HttpResponse<byte[]> response, URI target) throws Failure {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Answer(status, response.body());
    }
    String detail = PlainJson.errorDetail(response.body());
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

  /** What an exception out of the client means, as a {@link Failure}. */
  Failure classify(Throwable error, HttpRequest request) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    URI target = request.uri();
    if (t instanceof Failure f) {
      return f;
    }
    if (t instanceof HttpConnectTimeoutException) {
      return new Failure("ConnectTimeout: connecting to '" + authority(target) + "' timed out after "
          + seconds(connectTimeout) + "s");
    }
    if (t instanceof HttpTimeoutException) {
      return new Failure("ReadTimeout: no response from '" + target + "' within " + seconds(timeoutOf(request)) + "s");
    }
    if (t instanceof CancellationException || t instanceof InterruptedException) {
      return new Failure("ReadTimeout: the request to '" + target + "' was cancelled at the deadline");
    }
    if (t instanceof IOException e) {
      return new Failure(describe(e, target));
    }
    if (t instanceof IllegalArgumentException || t instanceof SecurityException) {
      return new Failure("InvalidURL: " + target + ": " + t.getMessage());
    }
    return new Failure("ReadError: " + t.getClass().getSimpleName() + ": " + t.getMessage() + " for url '" + target + "'");
  }

  private static Duration timeoutOf(HttpRequest request) {
    return request.timeout().orElse(Duration.ZERO);
  }

  private static Failure timedOut(URI target, HttpRequest request, long bytes) {
    return new Failure("ReadTimeout: the response from '" + target + "' was not complete within "
        + seconds(timeoutOf(request)) + "s (" + bytes + " bytes read)");
  }

  /**
   * Takes a body as it arrives: up to {@code cap} bytes (a 2xx body over it fails with {@code
   * ResponseTooLarge}; an error body is cut there, its head is enough for the detail), each chunk
   * reserved in the budget first. Whatever ends it early cancels the subscription, which closes
   * the connection, and gives the reserved bytes back.
   */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final URI target;
    private final boolean success;
    private final long cap;
    private final ByteBudget budget;
    private final long declared;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private final AtomicLong bytes = new AtomicLong();
    private Flow.@Nullable Subscription subscription;
    private long reserved;
    private boolean done;

    CappedBody(URI target, boolean success, long cap, ByteBudget budget, long declared) {
      this.target = target;
      this.success = success;
      this.cap = cap;
      this.budget = budget;
      this.declared = declared;
    }

    long bytesRead() {
      return bytes.get();
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (done) {
        s.cancel();
        return;
      }
      if (success && declared > cap) {
        fail(new Failure("ResponseTooLarge: '" + target + "' declared " + declared
            + " bytes, over the cap of " + cap + " bytes"));
        return;
      }
      if (success && declared > 0) {
        if (!budget.tryReserve(declared)) {
          fail(overBudget("declares " + declared + " bytes, which do"));
          return;
        }
        reserved = declared;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
      if (done) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        long total = bytes.get() + n;
        if (total > cap) {
          if (success) {
            fail(new Failure("ResponseTooLarge: the response from '" + target + "' exceeds the cap of " + cap + " bytes"));
          } else {
            byte[] head = new byte[(int) (cap - bytes.get())];
            item.get(head);
            chunks.add(head);
            bytes.addAndGet(head.length);
            finish(true);
          }
          return;
        }
        if (success && total > reserved) {
          long more = total - reserved;
          if (!budget.tryReserve(more)) {
            fail(overBudget("(" + total + " bytes so far) does"));
            return;
          }
          reserved += more;
        }
        byte[] chunk = new byte[n];
        item.get(chunk);
        chunks.add(chunk);
        bytes.addAndGet(n);
      }
    }

    @Override
    public synchronized void onError(Throwable error) {
      if (!done) {
        done = true;
        chunks.clear();
        budget.release(reserved);
        reserved = 0;
        body.completeExceptionally(error);
      }
    }

    @Override
    public synchronized void onComplete() {
      if (!done) {
        finish(false);
      }
    }

    /** Ends the exchange early from outside (the deadline, or a caller that gave up). */
    synchronized void abort() {
      if (!done) {
        fail(new Failure("ReadTimeout: the request to '" + target + "' was abandoned at the deadline"));
      }
    }

    private Failure overBudget(String what) {
      return new Failure("ResponseTooLarge: the response from '" + target + "' " + what
          + " not fit in what is left of the cluster view's total budget of "
          + budget.limitBytes() + " bytes; other peers' bodies hold the rest");
    }

    private void finish(boolean cutShort) {
      done = true;
      byte[] all = new byte[(int) bytes.get()];
      int at = 0;
      for (byte[] chunk : chunks) {
        System.arraycopy(chunk, 0, all, at, chunk.length);
        at += chunk.length;
      }
      chunks.clear();
      if (cutShort && subscription != null) {
        subscription.cancel(); // closes the connection: the rest of the body is not wanted
      }
      body.complete(all);
    }

    private void fail(Failure failure) {
      done = true;
      chunks.clear();
      budget.release(reserved);
      reserved = 0;
      if (subscription != null) {
        subscription.cancel();
      }
      body.completeExceptionally(failure);
    }
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
    return PythonFloats.pythonRepr(d.toNanos() / 1e9);
  }
}
