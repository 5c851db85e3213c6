package dev.skulk.diagnostics.json;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of writing a float as pydantic does ({@link PythonFloats#repr}) against the JDK's {@link
 * Double#toString}, over a mix of measured quantities (percentages, watts, seconds) and arbitrary
 * doubles. Lives in the codec's package to reach the package-private formatter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PythonFloatsBenchmark {

  private final double[] values = new double[1024];
  private int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? Math.round(random.nextDouble(0, 100) * 100) / 100.0
          : Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
    }
  }

  private double nextValue() {
    next = (next + 1) & (values.length - 1);
    return values[next];
  }

  @Benchmark
  public String pythonRepr() {
    return PythonFloats.repr(nextValue());
  }

  @Benchmark
  public String jdkToString() {
    return Double.toString(nextValue());
  }
}
