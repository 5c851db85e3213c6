/** JSON Schema of the wire documents, generated from the model records. Not a stable API. */
@NullMarked
package dev.skulk.diagnostics.cli.schema;

import org.jspecify.annotations.NullMarked;
