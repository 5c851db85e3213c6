package dev.skulk.diagnostics.cluster.internal;

import java.util.Map;

/** Reason phrases of HTTP status codes as Python's {@code http.HTTPStatus} names them; not a stable API. */
public final class HttpStatusPhrases {

  private static final Map<Integer, String> PHRASES =
      Map.ofEntries(
          Map.entry(100, "Continue"),
          Map.entry(101, "Switching Protocols"),
          Map.entry(200, "OK"),
          Map.entry(201, "Created"),
          Map.entry(202, "Accepted"),
          Map.entry(204, "No Content"),
          Map.entry(300, "Multiple Choices"),
          Map.entry(301, "Moved Permanently"),
          Map.entry(302, "Found"),
          Map.entry(303, "See Other"),
          Map.entry(304, "Not Modified"),
          Map.entry(307, "Temporary Redirect"),
          Map.entry(308, "Permanent Redirect"),
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(406, "Not Acceptable"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(410, "Gone"),
          Map.entry(411, "Length Required"),
          Map.entry(413, "Request Entity Too Large"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(422, "Unprocessable Entity"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(501, "Not Implemented"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"),
          Map.entry(505, "HTTP Version Not Supported"));

  private HttpStatusPhrases() {}

  /** The reason phrase of {@code status}, or an empty string for a code without one. */
  public static String phrase(int status) {
    return PHRASES.getOrDefault(status, "");
  }

  /** httpx's words for a status class: {@code Redirect response}, {@code Client error}, ... */
  public static String statusClass(int status) {
    switch (status / 100) {
      case 1:
        return "Informational response";
      case 2:
        return "Success";
      case 3:
        return "Redirect response";
      case 4:
        return "Client error";
      case 5:
        return "Server error";
      default:
        return "Invalid status code";
    }
  }
}
