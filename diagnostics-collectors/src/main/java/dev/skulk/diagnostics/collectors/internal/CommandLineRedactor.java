package dev.skulk.diagnostics.collectors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from command lines and URLs before a collector reports them. Not a stable API:
 * it is public only so that every collector module of this SDK can share it.
 *
 * <p>What becomes {@value #MASK}, everything else staying byte-identical:
 *
 * <ul>
 *   <li>the value of a flag whose name is secret-looking: {@code --api-key X}, {@code
 *       --api-key=X}, {@code --hf-token X}, {@code --password=X};
 *   <li>the password of a {@code user:password} value of {@code -u}, {@code --user} or {@code
 *       --proxy-user} (curl's credentials): {@code -u admin:***};
 *   <li>the value of a {@code KEY=VALUE} word whose key is secret-looking: {@code HF_TOKEN=...},
 *       {@code password=...}, {@code OPENAI_API_KEY=...};
 *   <li>the credential of an {@code Authorization:} (or {@code Proxy-Authorization:}) header, any
 *       case, keeping the scheme ({@code Authorization: Bearer ***}), the value of other
 *       secret-looking headers ({@code X-Api-Key: ***}), and the word after a bare {@code Bearer};
 *   <li>URL user-info ({@code https://user:pass@host} gives {@code https://***@host}) and the
 *       values of secret-looking query parameters ({@code ?token=***&page=2}).
 * </ul>
 *
 * <p>A name is secret-looking when one of its words (split at non-alphanumerics and camelCase
 * humps) is {@code key}, {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code
 * pass}, {@code passphrase}, {@code auth}, {@code authorization}, {@code credential(s)}, {@code apikey}, {@code
 * cookie}, {@code bearer}, {@code sig} or {@code signature}, or ends with {@code token}, {@code
 * secret}, {@code password}, {@code passwd} or {@code apikey}/{@code accesskey}/{@code
 * secretkey}/{@code privatekey}. Matching whole words rather than substrings keeps {@code
 * --max-tokens 512}, {@code --tokenizer org/model} and {@code --author x} intact: a diagnostics
 * bundle that hides the tokenizer is worse at its job and no safer.
 *
 * <p>A quoted value that spans several words ({@code HF_TOKEN="a b"}) is masked as one ({@code
 * HF_TOKEN="***"}). A secret flag followed by another flag ({@code --use-auth --port 8}) is taken
 * to be a switch and masks nothing.
 *
 * <p>Stateless and thread-safe; linear in the length of the text.
 */
public final class CommandLineRedactor {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  private static final Set<String> SECRET_WORDS =
      Set.of(
          "key", "token", "secret", "secrets", "password", "passwd", "pass", "passphrase", "auth",
          "authorization", "credential", "credentials", "apikey", "cookie", "bearer", "sig",
          "signature");
  private static final List<String> SECRET_SUFFIXES =
      List.of(
          "token", "secret", "password", "passwd", "apikey", "accesskey", "secretkey",
          "privatekey");
  private static final Set<String> AUTH_SCHEMES = Set.of("bearer", "basic", "digest", "negotiate");
  private static final Set<String> USER_FLAGS = Set.of("-u", "--user", "--proxy-user");

  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern NAME_SPLIT = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);
  private static final Pattern USER_INFO =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^\\s/?#@]+)@");

  private CommandLineRedactor() {}

  /**
   * The command line with every secret replaced by {@value #MASK}; null stays null.
   *
   * @param commandLine a joined command line ({@code argv} joined with spaces) or any free text
   */
  public static @Nullable String redactOrNull(@Nullable String commandLine) {
    return commandLine == null ? null : redact(commandLine);
  }

  /** The command line with every secret replaced by {@value #MASK}. */
  public static String redact(String commandLine) {
    List<int[]> words = new ArrayList<>();
    Matcher m = WORD.matcher(commandLine);
    while (m.find()) {
      words.add(new int[] {m.start(), m.end()});
    }
    StringBuilder out = new StringBuilder(commandLine.length());
    int copied = 0;
    Expect expect = Expect.NOTHING;
    String previous = "";
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        previous = stripQuotes(commandLine.substring(words.get(i - 1)[0], words.get(i - 1)[1]));
      }
      int start = words.get(i)[0];
      int end = words.get(i)[1];
      String word = commandLine.substring(start, end);
      String core = stripQuotes(word);
      String lower = core.toLowerCase(Locale.ROOT);

      if (expect != Expect.NOTHING) {
        if (AUTH_SCHEMES.contains(lower)) {
          expect = Expect.VALUE; // keep the scheme, mask what follows
          continue;
        }
        if (!(core.startsWith("-") && core.length() > 1) || expect == Expect.HEADER_VALUE) {
          int[] span = valueSpan(commandLine, words, i);
          copied = mask(commandLine, out, copied, span);
          i = span[2];
          expect = Expect.NOTHING;
          continue;
        }
        expect = Expect.NOTHING; // a switch followed by another flag: nothing to mask
      }

      String replacement = word;
      if (USER_FLAGS.contains(previous) && core.indexOf(':') > 0 && !core.contains("://")) {
        int colon = start + word.indexOf(':');
        int end2 = end - trailingQuotes(word, word.indexOf(':') + 1);
        copied = mask(commandLine, out, copied, new int[] {colon + 1, end2, i});
        continue;
      }
      if (core.startsWith("-") && core.length() > 1) {
        int eq = word.indexOf('=');
        if (eq > 0 && USER_FLAGS.contains(word.substring(0, eq)) && word.indexOf(':', eq) > 0) {
          int colon = start + word.indexOf(':', eq);
          copied = mask(commandLine, out, copied, new int[] {colon + 1, end - trailingQuotes(word, 0), i});
          continue;
        }
        if (eq < 0) {
          if (isSecretName(core)) {
            expect = Expect.VALUE;
          }
        } else if (isSecretName(word.substring(0, eq))) {
          int[] span = valueSpanAfter(commandLine, words, i, start + eq + 1);
          copied = mask(commandLine, out, copied, span);
          i = span[2];
          continue;
        } else {
          replacement = word.substring(0, eq + 1) + redactValue(word.substring(eq + 1));
        }
      } else if (lower.equals("bearer")) {
        expect = Expect.VALUE;
      } else if (core.endsWith(":") && core.length() > 1) {
        String header = lower.substring(0, lower.length() - 1);
        if (header.equals("authorization") || header.equals("proxy-authorization")
            || isSecretName(header)) {
          expect = Expect.HEADER_VALUE;
        }
      } else {
        int lead = leadingQuotes(word);
        Matcher assignment = ASSIGNMENT.matcher(word.substring(lead));
        if (assignment.matches() && isSecretName(assignment.group(1))) {
          int valueStart = start + lead + assignment.start(2);
          int[] span = valueSpanAfter(commandLine, words, i, valueStart);
          copied = mask(commandLine, out, copied, span);
          i = span[2];
          continue;
        }
        replacement = redactUrls(word);
      }
      if (!replacement.equals(word)) {
        out.append(commandLine, copied, start).append(replacement);
        copied = end;
      }
    }
    out.append(commandLine, copied, commandLine.length());
    return out.toString();
  }

  /**
   * A URL without its user-info ({@code ***@host}) and with the values of secret-looking query
   * parameters masked; null stays null. Text that is not a URL is returned with the same rules
   * applied (so nothing secret-looking survives a malformed URL either).
   */
  public static @Nullable String redactUrl(@Nullable String url) {
    return url == null ? null : redactUrls(url);
  }

  /**
   * Whether a flag, variable, header or query-parameter name looks like it names a secret (see the
   * class comment). Leading dashes are ignored.
   */
  public static boolean isSecretName(String name) {
    for (String part : NAME_SPLIT.split(name)) {
      if (part.isEmpty()) {
        continue;
      }
      String word = part.toLowerCase(Locale.ROOT);
      if (SECRET_WORDS.contains(word)) {
        return true;
      }
      for (String suffix : SECRET_SUFFIXES) {
        if (word.endsWith(suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private enum Expect {
    NOTHING,
    VALUE,
    HEADER_VALUE
  }

  /** Redacts the value of a non-secret flag: it may itself be an assignment or a URL. */
  private static String redactValue(String value) {
    int lead = leadingQuotes(value);
    Matcher assignment = ASSIGNMENT.matcher(value.substring(lead));
    if (assignment.matches() && isSecretName(assignment.group(1))) {
      int valueStart = lead + assignment.start(2);
      if (valueStart < value.length() && (value.charAt(valueStart) == '"' || value.charAt(valueStart) == '\'')) {
        valueStart++;
      }
      int trail = trailingQuotes(value, valueStart);
      if (valueStart >= value.length() - trail) {
        return value; // empty value: nothing to hide
      }
      return value.substring(0, valueStart) + MASK + value.substring(value.length() - trail);
    }
    return redactUrls(value);
  }

  /** Copies the text up to the span and the mask for it (nothing for an empty value). */
  private static int mask(String text, StringBuilder out, int copied, int[] span) {
    if (span[1] <= span[0]) {
      return copied;
    }
    out.append(text, copied, span[0]).append(MASK);
    return span[1];
  }

  /** The span to replace for a value that is the whole word {@code i}: see {@link #valueSpanAfter}. */
  private static int[] valueSpan(String text, List<int[]> words, int i) {
    return valueSpanAfter(text, words, i, words.get(i)[0]);
  }

  /**
   * The span to replace for a value starting at {@code valueStart} inside word {@code i}, quotes
   * around it kept. A value that opens a quote it does not close in this word runs on to the word
   * that closes it. Returns {from, to, index of the last word covered}.
   */
  private static int[] valueSpanAfter(String text, List<int[]> words, int i, int valueStart) {
    int wordEnd = words.get(i)[1];
    char first = valueStart < wordEnd ? text.charAt(valueStart) : 0;
    if (first == '"' || first == '\'') {
      char open = first;
      int from = valueStart + 1;
      int close = text.indexOf(open, from);
      if (close < 0) {
        return new int[] {from, wordEnd, i}; // never closed: mask to the end of this word
      }
      int last = i;
      while (last + 1 < words.size() && words.get(last)[1] <= close) {
        last++;
      }
      return new int[] {from, close, last};
    }
    int end = wordEnd - trailingQuotes(text.substring(valueStart, wordEnd), 0);
    return new int[] {valueStart, end, i};
  }

  /** Masks URL user-info and secret-looking query values anywhere in {@code text}. */
  private static String redactUrls(String text) {
    if (text.indexOf("://") < 0 && text.indexOf('?') < 0) {
      return text;
    }
    String result = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    int scheme = result.indexOf("://");
    int query = result.indexOf('?', scheme < 0 ? 0 : scheme);
    if (scheme < 0 || query < 0) {
      return result;
    }
    StringBuilder out = new StringBuilder(result.length());
    out.append(result, 0, query + 1);
    int pos = query + 1;
    while (pos < result.length()) {
      int end = pos;
      while (end < result.length() && "&;#\"' ".indexOf(result.charAt(end)) < 0) {
        end++;
      }
      String param = result.substring(pos, end);
      int eq = param.indexOf('=');
      if (eq > 0 && isSecretName(param.substring(0, eq)) && eq + 1 < param.length()) {
        out.append(param, 0, eq + 1).append(MASK);
      } else {
        out.append(param);
      }
      if (end >= result.length()) {
        break;
      }
      char separator = result.charAt(end);
      if (separator != '&' && separator != ';') {
        out.append(result, end, result.length()); // fragment or closing quote: keep the rest
        return out.toString();
      }
      out.append(separator);
      pos = end + 1;
    }
    return out.toString();
  }

  private static String stripQuotes(String word) {
    int lead = leadingQuotes(word);
    int trail = trailingQuotes(word, lead);
    return word.substring(lead, word.length() - trail);
  }

  private static int leadingQuotes(String word) {
    int n = 0;
    while (n < word.length() && (word.charAt(n) == '"' || word.charAt(n) == '\'')) {
      n++;
    }
    return n;
  }

  private static int trailingQuotes(String word, int from) {
    int n = 0;
    while (word.length() - n > from
        && (word.charAt(word.length() - n - 1) == '"' || word.charAt(word.length() - n - 1) == '\'')) {
      n++;
    }
    return n;
  }
}
