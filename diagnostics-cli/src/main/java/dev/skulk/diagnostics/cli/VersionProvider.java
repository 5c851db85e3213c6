package dev.skulk.diagnostics.cli;

import picocli.CommandLine.IVersionProvider;

/** The CLI's version from its jar manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = SkulkDiag.class.getPackage().getImplementationVersion();
    return new String[] {"skulk-diag " + (version == null ? "dev" : version)};
  }
}
