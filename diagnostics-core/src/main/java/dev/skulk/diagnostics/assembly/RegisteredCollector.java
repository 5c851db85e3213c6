package dev.skulk.diagnostics.assembly;

import dev.skulk.diagnostics.spi.Collector;
import dev.skulk.diagnostics.spi.Slot;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A collector as the assembler holds it: its name, slot and priority read once at registration,
 * and whether a call into it is still running (a collector that ignores interrupts keeps at most
 * one thread).
 */
final class RegisteredCollector {

  final Collector<?> collector;
  final String name;
  final Slot<?> slot;
  final int priority;
  final int order;
  final boolean enabled;
  final AtomicBoolean busy = new AtomicBoolean();

  RegisteredCollector(Collector<?> collector, String name, Slot<?> slot, int priority, int order, boolean enabled) {
    this.collector = collector;
    this.name = name;
    this.slot = slot;
    this.priority = priority;
    this.order = order;
    this.enabled = enabled;
  }

  @Override
  public String toString() {
    return name + "(" + slot + ", priority " + priority + ")";
  }
}
