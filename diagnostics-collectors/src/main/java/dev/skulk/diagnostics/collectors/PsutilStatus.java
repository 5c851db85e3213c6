package dev.skulk.diagnostics.collectors;

import oshi.software.os.OSProcess;
import org.jspecify.annotations.Nullable;

/** Process status names as Python's psutil writes them. */
final class PsutilStatus {

  private PsutilStatus() {}

  /** The psutil name of a Linux {@code /proc/<pid>/stat} state letter; null for an unknown one. */
  static @Nullable String ofLinuxState(char state) {
    switch (state) {
      case 'R': return "running";
      case 'S': return "sleeping";
      case 'D': return "disk-sleep";
      case 'T': return "stopped";
      case 't': return "tracing-stop";
      case 'Z': return "zombie";
      case 'X':
      case 'x': return "dead";
      case 'K': return "wake-kill";
      case 'W': return "waking";
      case 'I': return "idle";
      case 'P': return "parked";
      default: return null;
    }
  }

  /**
   * The state letter of a {@code /proc/<pid>/stat} line: the first non-blank after the last
   * {@code )} (the command name in parentheses may itself hold spaces and parentheses).
   */
  static @Nullable Character linuxStateLetter(String statLine) {
    int close = statLine.lastIndexOf(')');
    for (int i = close + 1; close >= 0 && i < statLine.length(); i++) {
      char c = statLine.charAt(i);
      if (c != ' ') {
        return c;
      }
    }
    return null;
  }

  /** The psutil name closest to an OSHI state (macOS, Windows); null for OSHI's OTHER/INVALID. */
  static @Nullable String ofOshiState(OSProcess.State state) {
    switch (state) {
      case NEW: return "idle";
      case RUNNING: return "running";
      case SLEEPING: return "sleeping";
      case WAITING: return "waiting";
      case ZOMBIE: return "zombie";
      case STOPPED:
      case SUSPENDED: return "stopped";
      default: return null;
    }
  }
}
