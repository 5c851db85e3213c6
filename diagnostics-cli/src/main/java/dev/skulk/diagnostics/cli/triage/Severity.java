package dev.skulk.diagnostics.cli.triage;

/** How bad a finding is; declared worst first, so the natural order sorts a report. */
public enum Severity {
  /** Work is wedged or lost: a script should page someone (exit status 3). */
  CRITICAL,
  /** Degraded or suspicious; worth a look, not an outage by itself. */
  WARNING;

  /** The lower-case name used in text, markdown and JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
