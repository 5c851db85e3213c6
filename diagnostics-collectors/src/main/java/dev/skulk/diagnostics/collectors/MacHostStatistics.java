package dev.skulk.diagnostics.collectors;

import com.sun.jna.platform.mac.SystemB;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import org.jspecify.annotations.Nullable;

/**
 * The Mach calls behind {@link WiredMemoryCollector}, through the JNA platform bindings OSHI
 * brings. Only ever loaded on macOS: touching {@link SystemB} elsewhere fails to link.
 */
final class MacHostStatistics {

  private MacHostStatistics() {}

  /** {@code wire_count} of {@code HOST_VM_INFO64} times the host page size; null when a call fails. */
  static @Nullable Long wiredBytes() {
    SystemB system = SystemB.INSTANCE;
    int host = system.mach_host_self();
    try {
      SystemB.VMStatistics64 stats = new SystemB.VMStatistics64();
      IntByReference count = new IntByReference(stats.size() / SystemB.INT_SIZE);
      if (system.host_statistics64(host, SystemB.HOST_VM_INFO64, stats, count) != 0) {
        return null;
      }
      LongByReference pageSize = new LongByReference();
      if (system.host_page_size(host, pageSize) != 0 || pageSize.getValue() <= 0) {
        return null;
      }
      return Integer.toUnsignedLong(stats.wire_count) * pageSize.getValue();
    } finally {
      system.mach_port_deallocate(system.mach_task_self(), host);
    }
  }
}
