package dev.skulk.diagnostics.collectors;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads {@code /etc/machine-info} (systemd's environment-style file of host metadata). */
final class MachineInfo {

  private MachineInfo() {}

  /**
   * The {@code PRETTY_HOSTNAME} value, unquoted ({@code "..."} with backslash escapes, or {@code
   * '...'}); null when absent or blank.
   */
  static @Nullable String prettyHostname(List<String> lines) {
    String value = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.startsWith("PRETTY_HOSTNAME=")) {
        value = unquote(line.substring("PRETTY_HOSTNAME=".length()));
      }
    }
    return value == null || value.isBlank() ? null : value;
  }

  static String unquote(String value) {
    if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
      return value.substring(1, value.length() - 1);
    }
    if (value.length() >= 2 && value.charAt(0) == '"' && value.endsWith("\"")) {
      StringBuilder out = new StringBuilder(value.length());
      for (int i = 1; i < value.length() - 1; i++) {
        char c = value.charAt(i);
        if (c == '\\' && i + 1 < value.length() - 1) {
          c = value.charAt(++i);
        }
        out.append(c);
      }
      return out.toString();
    }
    return value;
  }
}
