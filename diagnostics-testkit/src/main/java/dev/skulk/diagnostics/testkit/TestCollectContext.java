package dev.skulk.diagnostics.testkit;

import dev.skulk.diagnostics.spi.CollectContext;
import dev.skulk.diagnostics.spi.HostFacts;
import dev.skulk.diagnostics.state.ClusterStateView;
import dev.skulk.diagnostics.time.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CollectContext} for calling a collector directly in a test. Defaults: node {@code
 * test-node}, the system UTC clock, a budget of 2 s measured on the system ticker from {@link
 * Builder#build()}, no host facts, this JVM's pid, no runner pids, a standalone state.
 *
 * <p>Immutable and thread-safe.
 */
public final class TestCollectContext implements CollectContext {

  private final String nodeId;
  private final Clock clock;
  private final Ticker ticker;
  private final long deadlineTick;
  private final HostFacts hostFacts;
  private final long selfPid;
  private final Set<Long> runnerPids;
  private final ClusterStateView state;

  private TestCollectContext(Builder builder) {
    this.nodeId = builder.nodeId;
    this.clock = builder.clock;
    this.ticker = builder.ticker;
    this.deadlineTick = builder.ticker.read() + builder.budget.toNanos();
    this.hostFacts = builder.hostFacts;
    this.selfPid = builder.selfPid;
    this.runnerPids = Set.copyOf(builder.runnerPids);
    this.state = builder.state != null ? builder.state : ClusterStateView.standalone(builder.nodeId);
  }

  /** A context with every default. */
  public static TestCollectContext create() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public long remainingNanos() {
    return Math.max(0, deadlineTick - ticker.read());
  }

  @Override
  public HostFacts hostFacts() {
    return hostFacts;
  }

  @Override
  public long selfPid() {
    return selfPid;
  }

  @Override
  public Set<Long> runnerPids() {
    return runnerPids;
  }

  @Override
  public ClusterStateView state() {
    return state;
  }

  /** Builds a {@link TestCollectContext}; not thread-safe. */
  public static final class Builder {
    private String nodeId = "test-node";
    private Clock clock = Clock.systemUTC();
    private Ticker ticker = Ticker.system();
    private Duration budget = Duration.ofSeconds(2);
    private HostFacts hostFacts = HostFacts.none();
    private long selfPid = ProcessHandle.current().pid();
    private Set<Long> runnerPids = Set.of();
    private @Nullable ClusterStateView state;

    private Builder() {}

    /** The node id. */
    public Builder nodeId(String value) {
      this.nodeId = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The clock. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The ticker the budget is measured on. */
    public Builder ticker(Ticker value) {
      this.ticker = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The budget, from {@link #build()}. */
    public Builder budget(Duration value) {
      this.budget = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The host facts. */
    public Builder hostFacts(HostFacts value) {
      this.hostFacts = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The pid of the node process. */
    public Builder selfPid(long value) {
      this.selfPid = value;
      return this;
    }

    /** The runner pids. */
    public Builder runnerPids(Set<Long> value) {
      this.runnerPids = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The state view. */
    public Builder state(ClusterStateView value) {
      this.state = Objects.requireNonNull(value, "value");
      return this;
    }

    /** The context; its budget starts now. */
    public TestCollectContext build() {
      return new TestCollectContext(this);
    }
  }
}
