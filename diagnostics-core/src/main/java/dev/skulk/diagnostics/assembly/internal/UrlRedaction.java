package dev.skulk.diagnostics.assembly.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from a URL before it is reported: the user-info ({@code user:pass@}) and the
 * values of query parameters whose name looks secret (token, key, secret, password, auth,
 * signature, credential, session). Not a stable API.
 *
 * <p>Stateless and thread-safe.
 */
public final class UrlRedaction {

  /** What a secret value is replaced with. */
  public static final String REDACTED = "REDACTED";

  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(token|key|secret|passw|pwd|auth|sig|credential|session).*");
  private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@?#]*@");

  private UrlRedaction() {}

  /** The URL without user-info and secret query values; null stays null. */
  public static @Nullable String redact(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      if (uri.isOpaque() || uri.getRawAuthority() == null) {
        return USER_INFO.matcher(url).replaceFirst("");
      }
      String query = uri.getRawQuery();
      String authority = uri.getRawAuthority();
      int at = authority.lastIndexOf('@');
      StringBuilder out = new StringBuilder();
      out.append(uri.getScheme()).append("://").append(at < 0 ? authority : authority.substring(at + 1));
      if (uri.getRawPath() != null) {
        out.append(uri.getRawPath());
      }
      if (query != null) {
        out.append('?').append(redactQuery(query));
      }
      if (uri.getRawFragment() != null) {
        out.append('#').append(uri.getRawFragment());
      }
      return out.toString();
    } catch (URISyntaxException e) {
      return USER_INFO.matcher(url).replaceFirst("");
    }
  }

  private static String redactQuery(String query) {
    StringBuilder out = new StringBuilder();
    for (String pair : query.split("&", -1)) {
      if (out.length() > 0) {
        out.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (eq >= 0 && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        out.append(name).append('=').append(REDACTED);
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }
}
