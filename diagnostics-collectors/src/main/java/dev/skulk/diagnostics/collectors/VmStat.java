package dev.skulk.diagnostics.collectors;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The memory categories of macOS {@code vm_stat} that Skulk uses, in bytes.
 *
 * @param pageSizeBytes the page size from the header ({@code page size of N bytes})
 * @param wiredBytes {@code Pages wired down} times the page size
 * @param anonymousBytes {@code Anonymous pages} times the page size
 * @param compressorBytes {@code Pages occupied by compressor} times the page size
 */
record VmStat(long pageSizeBytes, long wiredBytes, long anonymousBytes, long compressorBytes) {

  private static final Pattern PAGE_SIZE = Pattern.compile("page size of (\\d+) bytes");
  private static final Pattern COUNTER = Pattern.compile("^\\s*\"?([^\":]+)\"?:\\s*(\\d+)\\.?\\s*$");

  /**
   * Parses {@code vm_stat} output. The page size and the three counters are all required: when one
   * is missing (or the output is not vm_stat's) there is no reading and this returns null.
   */
  static @Nullable VmStat parse(List<String> lines) {
    Long pageSize = null;
    Long wired = null;
    Long anonymous = null;
    Long compressor = null;
    for (String line : lines) {
      Matcher header = PAGE_SIZE.matcher(line);
      if (pageSize == null && header.find()) {
        pageSize = Long.parseLong(header.group(1));
        continue;
      }
      Matcher counter = COUNTER.matcher(line);
      if (!counter.matches()) {
        continue;
      }
      long pages;
      try {
        pages = Long.parseLong(counter.group(2));
      } catch (NumberFormatException e) {
        continue;
      }
      switch (counter.group(1).trim()) {
        case "Pages wired down" -> wired = pages;
        case "Anonymous pages" -> anonymous = pages;
        case "Pages occupied by compressor" -> compressor = pages;
        default -> { }
      }
    }
    if (pageSize == null || wired == null || anonymous == null || compressor == null) {
      return null;
    }
    return new VmStat(
        pageSize,
        Math.multiplyExact(wired, pageSize),
        Math.multiplyExact(anonymous, pageSize),
        Math.multiplyExact(compressor, pageSize));
  }

  /**
   * Memory the GPU could still wire: {@code max(0, total - wired - anonymous - compressor)}, as
   * Python Skulk computes it for Apple silicon.
   */
  long gpuWireable(long totalRamBytes) {
    return Math.max(0L, totalRamBytes - wiredBytes - anonymousBytes - compressorBytes);
  }
}
