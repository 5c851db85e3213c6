package dev.skulk.diagnostics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code skulk-diag --version}: the version from the jar manifest ({@code dev} when run from
 * classes), the commit it was built from (written at build time; {@code unknown} without git) and
 * the JDK it runs on.
 */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = SkulkDiag.class.getPackage().getImplementationVersion();
    return new String[] {
      "skulk-diag " + (version == null ? "dev" : version),
      "commit " + commit(),
      "JDK " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")"
    };
  }

  static String commit() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("commit", "unknown").strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
