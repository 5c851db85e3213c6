/**
 * The JSON codec of the diagnostics bundle: {@link dev.skulk.diagnostics.json.DiagnosticsJson}
 * reads and writes the model records byte-compatibly with Python Skulk nodes (pydantic's {@code
 * model_dump_json} on the way out, a peer's {@code extra="forbid", strict=True} validation on the way
 * in), and reports every problem as one {@link dev.skulk.diagnostics.json.DiagnosticsFormatException}
 * naming the JSON path.
 */
@NullMarked
package dev.skulk.diagnostics.json;

import org.jspecify.annotations.NullMarked;
