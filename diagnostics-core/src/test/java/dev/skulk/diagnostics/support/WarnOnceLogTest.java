package dev.skulk.diagnostics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class WarnOnceLogTest {

  private final List<String> lines = new ArrayList<>();
  private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
      new Class<?>[] {Logger.class}, (proxy, method, args) -> {
        switch (method.getName()) {
          case "isDebugEnabled":
            return true;
          case "warn":
          case "debug":
            lines.add(method.getName() + " " + args[0] + (args.length > 1 && args[1] != null ? " +cause" : ""));
            return null;
          default:
            return method.getReturnType() == boolean.class ? false : null;
        }
      });

  @Test
  void aRepeatedFaultWarnsOneLineOnceAndKeepsItsStackTraceAtDebug() {
    WarnOnceLog log = new WarnOnceLog(logger);
    RuntimeException cause = new RuntimeException("boom");
    assertThat(log.warn("collector-a", "a failed", cause)).isTrue();
    assertThat(log.warn("collector-a", "a failed", cause)).isFalse();
    assertThat(log.warn("collector-b", "b failed", null)).isTrue();
    assertThat(log.warn("collector-a", "a failed", null)).isFalse();
    assertThat(lines).containsExactly(
        "warn a failed", "debug a failed +cause", // first: one line at WARN, the trace at DEBUG
        "debug a failed +cause",
        "warn b failed",
        "debug a failed");
  }

  @Test
  void aClearedFaultWarnsAgain() {
    WarnOnceLog log = new WarnOnceLog(logger);
    log.warn("k", "down", null);
    log.cleared("k");
    assertThat(log.warn("k", "down", null)).isTrue();
    assertThat(lines).containsExactly("warn down", "warn down");
  }

  @Test
  void distinctKeysAreBoundedSoFreeTextCannotGrowMemory() {
    WarnOnceLog log = new WarnOnceLog(logger);
    int warned = 0;
    for (int i = 0; i < WarnOnceLog.MAX_KEYS + 500; i++) {
      if (log.warn("key-" + i, "m", null)) {
        warned++;
      }
    }
    assertThat(warned).isEqualTo(WarnOnceLog.MAX_KEYS);
  }
}
