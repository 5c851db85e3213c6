package dev.skulk.diagnostics.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's one secret redactor, for command lines ({@code processes[].command}) and URLs ({@code
 * runtime.loggingIngestUrl}): every collector and the assembler use it, so the same input always
 * gives the same output.
 *
 * <p>A command line is redacted <em>per argument</em> ({@link #redactArgv}): the raw {@code argv}
 * elements are never joined and re-split, so a value holding spaces, tabs or newlines ({@code
 * --passphrase}, {@code "a b c"}) is masked whole. What becomes {@value #MASK}, everything else
 * staying byte-identical:
 *
 * <ul>
 *   <li>the value of a flag whose name is secret-looking, given as the next argument or attached
 *       with {@code =} or {@code :}: {@code --api-key X}, {@code --api-key=X}, {@code --token:X},
 *       {@code -Dssl.trustStorePassword=X}, {@code -storepass X} (keytool), {@code -passin X}
 *       (openssl);
 *   <li>tools' short password flags, for the tool that owns them (so {@code ssh -p 22} keeps its
 *       port): {@code -p} of {@code sshpass}, {@code mongo}/{@code mongosh}/{@code mongodump}...,
 *       {@code twine}, {@code az}, {@code docker}/{@code podman}/{@code nerdctl login}; {@code -pX}
 *       attached only for {@code mysql}/{@code mariadb} and their tools and for {@code 7z}/{@code
 *       rar}; {@code -a} of {@code redis-cli}; {@code -w} of {@code ldapsearch}... and macOS {@code
 *       security}; {@code -P} of {@code zip}/{@code unzip}, {@code sqlcmd}, {@code mosquitto_pub};
 *       {@code -N}/{@code -P} of {@code ssh-keygen};
 *   <li>the password of a {@code user:password} value of {@code -u}, {@code -U}, {@code --user} or
 *       {@code --proxy-user} (curl, and {@code -uUSER:PW} attached), of {@code user%password} after
 *       {@code -U} for Samba tools and of {@code user/password@db} for Oracle's {@code sqlplus};
 *   <li>the value of a {@code NAME=VALUE} argument (an environment assignment, {@code docker -e},
 *       {@code --from-literal=NAME=VALUE}, {@code -c http.x=VALUE}) whose name is secret-looking,
 *       all of the rest of the argument;
 *   <li>the credential of an {@code Authorization:} or other secret-looking header (any case),
 *       keeping the scheme ({@code Authorization: Bearer ***}); a {@code Basic}, {@code Bearer},
 *       {@code Digest}, {@code Negotiate}, {@code NTLM} or {@code token} scheme in front of any
 *       masked value is kept the same way; the word after a bare {@code Bearer};
 *   <li>in any URL ({@code scheme://...}): the user-info ({@code https://***@host}), and the values
 *       of secret-looking query and fragment parameters ({@code ?token=***}, {@code
 *       #access_token=***});
 *   <li>inside any argument: {@code name=value} pairs separated by {@code ;}, {@code &} or {@code
 *       ,} (connection strings, form bodies) and {@code "name": "value"} JSON members, with a
 *       secret-looking name;
 *   <li>the value after a secret-looking bare name following {@code set}, {@code config}, {@code
 *       --global}, {@code --local} or {@code --system} ({@code aws configure set
 *       aws_secret_access_key X}, {@code npm config set //host/:_authToken X}) and the token after
 *       {@code vault login}.
 * </ul>
 *
 * <p>An argument that itself holds a command line ({@code sh -c "mysql -pX db"}, or a process that
 * rewrote its {@code argv[0]} into one string) is lexed as a POSIX shell would split it (quotes and
 * backslashes) and its words redacted by the same rules, two levels deep; masked spans keep the
 * surrounding quotes ({@code --api-key='***'}). A masked value that opens a quote it does not
 * close runs on to the argument that closes it ({@code --api-key 'a}, {@code b'}: what psutil's
 * split at spaces makes of a command line a process rewrote into one title).
 *
 * <p>A name is secret-looking when one of its words (split at non-alphanumerics and camelCase humps)
 * is {@code key}, {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code pass},
 * {@code passphrase}, {@code auth}, {@code authorization}, {@code credential(s)}, {@code cred(s)},
 * {@code apikey}, {@code cookie}, {@code bearer}, {@code jwt}, {@code sig}, {@code signature},
 * {@code mnemonic}, {@code passin}, {@code passout}, {@code sessionid}, or {@code pwd} in a flag or
 * a name of several words (the {@code PWD} variable alone is the working directory), or ends with
 * {@code token}, {@code secret}, {@code password}, {@code passwd}, {@code apikey}, {@code accesskey},
 * {@code secretkey}, {@code privatekey}, {@code signingkey}, {@code storepass} or {@code keypass};
 * unless it has several words and the last one says where the secret is rather than what ({@code
 * file}, {@code path}, {@code dir}, {@code stdin}, {@code fd}, {@code env}, {@code cmd}, {@code
 * command}, {@code helper}, {@code prompt}, {@code type}, {@code mode}, {@code length}, {@code
 * size}), or it is a flag starting with {@code no-}. Matching whole words keeps {@code --max-tokens
 * 512}, {@code --tokenizer org/model} and {@code --author x} intact: a bundle that hides the
 * tokenizer is worse at its job and no safer. A secret flag followed by another flag ({@code
 * --use-auth --port 8}) is taken to be a switch and masks nothing.
 *
 * <p>Not recognised (left as they are): secrets in a URL's path (webhook URLs), positional
 * passwords of tools not listed above, and values no name marks as secret. Stateless and
 * thread-safe; linear in the length of the input.
 */
public final class Redaction {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  /** Longer names (of flags, variables, headers, parameters) are not names: a bound on the work. */
  private static final int MAX_NAME = 256;

  /** How many words a quoted secret value may run on for ({@link #runOnQuotedValues}). */
  private static final int MAX_RUN_ON = 64;

  /** How many levels of command lines nested in arguments are lexed and redacted. */
  private static final int MAX_DEPTH = 2;

  private static final Set<String> SECRET_WORDS = Set.of(
      "key", "token", "secret", "secrets", "password", "passwd", "pass", "passphrase", "auth",
      "authorization", "credential", "credentials", "cred", "creds", "apikey", "cookie", "bearer",
      "jwt", "sig", "signature", "mnemonic", "passin", "passout", "sessionid");
  private static final List<String> SECRET_SUFFIXES = List.of(
      "token", "secret", "password", "passwd", "apikey", "accesskey", "secretkey", "privatekey",
      "signingkey", "storepass", "keypass");
  private static final Set<String> LOCATION_WORDS = Set.of(
      "file", "path", "dir", "stdin", "fd", "env", "cmd", "command", "helper", "prompt", "type",
      "mode", "length", "size");
  private static final Set<String> AUTH_SCHEMES =
      Set.of("bearer", "basic", "digest", "negotiate", "ntlm", "token");
  private static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Set<String> USER_FLAGS = Set.of("--user", "--proxy-user");
  private static final Set<String> SCRIPT_FLAGS = Set.of("-c", "/c", "/k", "-command", "--command");
  private static final Set<String> SETTERS = Set.of("set", "config", "--global", "--local", "--system");

  private static final Set<String> MYSQL = Set.of(
      "mysql", "mysqldump", "mysqladmin", "mysqlimport", "mysqlshow", "mysqlcheck", "mysqlpump",
      "mysqlsh", "mariadb", "mariadb-dump", "mariadb-admin", "mariadb-import", "7z", "7za", "7zz",
      "rar", "unrar");
  private static final Set<String> DASH_P_TOOLS = Set.of(
      "sshpass", "mongo", "mongosh", "mongodump", "mongorestore", "mongoexport", "mongoimport",
      "mongostat", "mongotop", "twine", "az");
  private static final Set<String> LOGIN_TOOLS = Set.of("docker", "podman", "nerdctl", "buildah", "skopeo");
  private static final Set<String> DASH_W_TOOLS = Set.of(
      "ldapsearch", "ldapadd", "ldapmodify", "ldapdelete", "ldapwhoami", "ldappasswd", "ldapcompare",
      "ldapmodrdn", "ldapexop", "security");
  private static final Set<String> DASH_CAPITAL_P_TOOLS = Set.of(
      "zip", "unzip", "zipcloak", "sqlcmd", "bcp", "mosquitto_pub", "mosquitto_sub", "mosquitto_rr");
  private static final Set<String> SMB_TOOLS = Set.of("smbclient", "rpcclient", "smbcacls", "smbget", "net", "smbmap");
  private static final Set<String> ORACLE_TOOLS = Set.of("sqlplus", "rman", "expdp", "impdp", "exp", "imp", "sqlldr");

  private static final Pattern NAME_SPLIT = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
  // Possessive quantifiers: a name never gives back characters, so a failed match is one pass.
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*+=");
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*+");
  private static final Pattern HEADER = Pattern.compile("\\s*+([A-Za-z][A-Za-z0-9_\\-]*+)\\s*+:\\s*+(?=\\S)");
  private static final List<Pattern> JSON_MEMBERS = List.of(
      Pattern.compile("\"([A-Za-z_][A-Za-z0-9_.\\-]*)\"\\s*:\\s*\"([^\"]{0,4096})\""),
      Pattern.compile("'([A-Za-z_][A-Za-z0-9_.\\-]*)'\\s*:\\s*'([^']{0,4096})'"));
  private static final Pattern ORACLE_LOGIN = Pattern.compile("[^/@\\s]+/([^@\\s]+)(@.*)?", Pattern.DOTALL);
  private static final Pattern NUMBER = Pattern.compile("-[0-9.]+");

  private Redaction() {}

  /**
   * The arguments with every secret replaced by {@value #MASK}, one output element per input
   * element.
   *
   * @param argv a process's raw argument vector, as the OS gives it
   */
  public static List<String> redactArgv(List<String> argv) {
    List<List<int[]>> ranges = scan(argv, 0);
    List<String> out = new ArrayList<>(argv.size());
    for (int i = 0; i < argv.size(); i++) {
      out.add(apply(argv.get(i), ranges.get(i)));
    }
    return out;
  }

  /**
   * The command line a bundle shows: the redacted arguments ({@link #redactArgv}) joined with
   * single spaces, as Python Skulk joins {@code cmdline()}.
   */
  public static String redactCommandLine(List<String> argv) {
    return String.join(" ", redactArgv(argv));
  }

  /**
   * Free text that holds a command line (already joined, or typed by a person), lexed as a POSIX
   * shell splits it and redacted word by word; the text between words is kept. Prefer {@link
   * #redactArgv} whenever the argument vector is known.
   */
  public static String redactText(String text) {
    return apply(text, textRanges(text, 0));
  }

  /**
   * A URL (or any one value) with its user-info masked ({@code https://***@host}) and the values
   * of secret-looking query and fragment parameters masked; null stays null. Text that is not a
   * well-formed URL gets the same rules, so nothing secret-looking survives a malformed URL either.
   */
  public static @Nullable String redactUrl(@Nullable String url) {
    if (url == null) {
      return null;
    }
    List<int[]> ranges = new ArrayList<>();
    valueRules(url, 0, MAX_DEPTH, ranges);
    return apply(url, ranges);
  }

  /**
   * Whether a flag, variable, header or parameter name looks like it names a secret (see the class
   * comment). A leading dash makes it a flag.
   */
  public static boolean isSecretName(String name) {
    if (name.length() > MAX_NAME) {
      return false;
    }
    boolean flag = name.startsWith("-");
    String bare = stripDashes(name);
    if (flag && (bare.startsWith("no-") || bare.startsWith("no_"))) {
      return false;
    }
    List<String> words = new ArrayList<>();
    for (String part : NAME_SPLIT.split(bare)) {
      if (!part.isEmpty()) {
        words.add(part.toLowerCase(Locale.ROOT));
      }
    }
    if (words.isEmpty()) {
      return false;
    }
    if (words.size() > 1 && LOCATION_WORDS.contains(words.get(words.size() - 1))) {
      return false;
    }
    for (String word : words) {
      if (SECRET_WORDS.contains(word) || (word.equals("pwd") && (flag || words.size() > 1))) {
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

  // ---------------------------------------------------------------------------------------------
  // Scanning a list of words: per word, the [from, to) ranges (in that word) to mask.

  private enum Pending {
    NONE,
    VALUE,
    HEADER,
    USER_COLON,
    USER_COMMA,
    USER_PERCENT
  }

  private static List<List<int[]>> scan(List<String> words, int depth) {
    List<List<int[]>> ranges = new ArrayList<>(words.size());
    Pending pending = Pending.NONE;
    String tool = "";
    boolean login = false;
    String previousLower = "";
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      List<int[]> mine = new ArrayList<>(0);
      ranges.add(mine);
      // only short words can be a scheme, a keyword or a tool: no copy of a huge argument
      String lower = word.length() <= MAX_NAME ? word.toLowerCase(Locale.ROOT) : "";
      String before = previousLower;
      previousLower = lower;

      if (pending != Pending.NONE) {
        Pending was = pending;
        pending = Pending.NONE;
        boolean flag = looksLikeFlag(word);
        if (was == Pending.HEADER || !flag) {
          if ((was == Pending.VALUE || was == Pending.HEADER) && AUTH_SCHEMES.contains(lower)) {
            pending = Pending.VALUE; // keep the scheme, mask the credential after it
            continue;
          }
          switch (was) {
            case USER_COLON -> userPassword(word, 0, depth, mine);
            case USER_COMMA -> maskAfter(word, 0, ',', mine);
            case USER_PERCENT -> maskAfter(word, 0, '%', mine);
            default -> maskValue(word, 0, mine);
          }
          continue;
        }
        // a switch followed by another flag: nothing to mask; this flag is read normally
      }

      String base = basename(word);
      if (i == 0 || isKnownTool(base)) {
        tool = base;
        login = false;
      } else if (LOGIN_TOOLS.contains(tool) && lower.equals("login")) {
        login = true;
      }

      if (looksLikeFlag(word)) {
        pending = flag(word, tool, login, depth, mine);
        continue;
      }
      if (lower.equals("bearer")) {
        pending = Pending.VALUE;
        continue;
      }
      if (word.length() > 1 && word.endsWith(":") && isHeaderStart(word)) {
        pending = Pending.HEADER;
        continue;
      }
      if (SETTERS.contains(before) && isSecretName(word) && word.indexOf('=') < 0) {
        pending = Pending.VALUE;
        continue;
      }
      if (tool.equals("vault") && before.equals("login") && word.indexOf('=') < 0) {
        maskValue(word, 0, mine);
        continue;
      }
      if (ORACLE_TOOLS.contains(tool) && i > 0) {
        Matcher login2 = ORACLE_LOGIN.matcher(word);
        if (login2.matches() && !word.contains("://")) {
          mine.add(new int[] {login2.start(1), login2.end(1)});
          continue;
        }
      }
      if (SCRIPT_FLAGS.contains(before) && !tool.equals("git") && hasWhitespace(word, 0)) {
        scriptRules(word, depth, mine); // sh -c "HF_TOKEN=x cmd ...": a script, not one value
        continue;
      }
      valueRules(word, 0, depth, mine);
    }
    runOnQuotedValues(words, ranges);
    return ranges;
  }

  /**
   * A masked value that opens a quote it does not close runs on to the word that closes it (within
   * {@value #MAX_RUN_ON} words): what a command line rewritten into one title becomes once split at
   * spaces (psutil's split), or quotes a launcher passed through literally ({@code --api-key 'a},
   * {@code b'}).
   */
  private static void runOnQuotedValues(List<String> words, List<List<int[]>> ranges) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      int start = -1;
      for (int[] r : ranges.get(i)) {
        if (r[1] == word.length() && r[0] < word.length()) {
          start = r[0];
        }
      }
      if (start < 0) {
        continue;
      }
      char quote = word.charAt(start);
      boolean closed = word.length() - start >= 2 && word.charAt(word.length() - 1) == quote;
      if ((quote != '\'' && quote != '"') || closed) {
        continue;
      }
      for (int j = i + 1; j < words.size() && j <= i + MAX_RUN_ON; j++) {
        if (words.get(j).indexOf(quote) >= 0) {
          for (int k = i + 1; k <= j; k++) {
            ranges.get(k).clear();
            ranges.get(k).add(new int[] {0, words.get(k).length()});
          }
          i = j;
          break;
        }
      }
    }
  }

  /** A word that starts with a dash: its own value masked where due; what the next word is. */
  private static Pending flag(String word, String tool, boolean login, int depth, List<int[]> out) {
    if (!word.startsWith("--") && word.length() >= 2) {
      char letter = word.charAt(1);
      int attached = word.length() > 2 && word.charAt(2) == '=' ? 3 : 2;
      boolean hasValue = word.length() > attached;
      if (isShortPasswordFlag(tool, login, letter)) {
        if (hasValue) {
          maskValue(word, attached, out);
          return Pending.NONE;
        }
        return MYSQL.contains(tool) ? Pending.NONE : Pending.VALUE; // mysql -p alone prompts
      }
      if ((letter == 'u' || letter == 'U') && !LOGIN_TOOLS.contains(tool)) {
        boolean smb = letter == 'U' && SMB_TOOLS.contains(tool);
        char separator = smb ? '%' : tool.equals("lftp") ? ',' : ':';
        if (!hasValue) {
          return smb ? Pending.USER_PERCENT : separator == ',' ? Pending.USER_COMMA : Pending.USER_COLON;
        }
        if (word.indexOf(separator, attached) >= 0) {
          if (separator == ':') {
            userPassword(word, attached, depth, out); // -uUSER:PW
          } else {
            maskAfter(word, attached, separator, out);
          }
          return Pending.NONE;
        }
        // a single-dash long flag (-user-token=X) or a plain user: the general rules below
      }
    }
    int eq = word.indexOf('=');
    int space = firstWhitespace(word);
    if (space > 0 && (eq < 0 || space < eq)) {
      scriptRules(word, depth, out); // "--password x" passed as one argument
      return Pending.NONE;
    }
    if (eq > 0) {
      String name = word.substring(0, eq);
      if (isSecretName(name)) {
        maskValue(word, eq + 1, out);
      } else if (USER_FLAGS.contains(name)) {
        userPassword(word, eq + 1, depth, out);
      } else {
        valueRules(word, eq + 1, depth, out);
      }
      return Pending.NONE;
    }
    int colon = word.indexOf(':');
    if (colon > 0 && isSecretName(word.substring(0, colon))) {
      maskValue(word, colon + 1, out); // --token:V
      return Pending.NONE;
    }
    if (USER_FLAGS.contains(word)) {
      return Pending.USER_COLON;
    }
    return isSecretName(word) ? Pending.VALUE : Pending.NONE;
  }

  private static boolean isShortPasswordFlag(String tool, boolean login, char letter) {
    return switch (letter) {
      case 'p' -> MYSQL.contains(tool) || DASH_P_TOOLS.contains(tool) || (login && LOGIN_TOOLS.contains(tool));
      case 'a' -> tool.equals("redis-cli");
      case 'w' -> DASH_W_TOOLS.contains(tool);
      case 'P' -> DASH_CAPITAL_P_TOOLS.contains(tool) || tool.equals("ssh-keygen");
      case 'N' -> tool.equals("ssh-keygen");
      default -> false;
    };
  }

  private static boolean isKnownTool(String base) {
    return MYSQL.contains(base) || DASH_P_TOOLS.contains(base) || LOGIN_TOOLS.contains(base)
        || DASH_W_TOOLS.contains(base) || DASH_CAPITAL_P_TOOLS.contains(base) || SMB_TOOLS.contains(base)
        || ORACLE_TOOLS.contains(base) || base.equals("redis-cli") || base.equals("ssh-keygen")
        || base.equals("vault") || base.equals("lftp") || base.equals("curl") || base.equals("ssh")
        || base.equals("scp") || base.equals("psql");
  }

  /**
   * Rules for a value that no flag before it marks as secret: a header, an assignment, URLs,
   * {@code name=value} pairs, JSON members and command lines nested in it.
   */
  private static void valueRules(String word, int from, int depth, List<int[]> out) {
    if (from >= word.length() || maskedWhole(word, from, out)) {
      return;
    }
    urls(word, from, out);
    pairs(word, from, out);
    for (Pattern member : word.indexOf('"', from) < 0 && word.indexOf('\'', from) < 0 ? List.<Pattern>of() : JSON_MEMBERS) {
      Matcher json = member.matcher(word).region(from, word.length());
      while (json.find()) {
        if (isSecretName(json.group(1)) && json.end(2) > json.start(2)) {
          out.add(new int[] {json.start(2), json.end(2)});
        }
      }
    }
    if (depth < MAX_DEPTH && hasWhitespace(word, from)) {
      for (int[] r : textRanges(word.substring(from), depth + 1)) {
        out.add(new int[] {r[0] + from, r[1] + from});
      }
    }
  }

  /** A shell script given as one argument: its words, each redacted as an argument. */
  private static void scriptRules(String word, int depth, List<int[]> out) {
    if (depth < MAX_DEPTH) {
      out.addAll(textRanges(word, depth + 1));
    } else {
      valueRules(word, 0, depth, out);
    }
  }

  /**
   * A secret header ({@code Authorization: Basic X}) or a secret assignment ({@code HF_TOKEN=a b})
   * at {@code from}, also as the value of a plain assignment ({@code http.extraHeader=Authorization:
   * Bearer X}): masks the value, all of the rest of the word, and says so.
   */
  private static boolean maskedWhole(String word, int from, List<int[]> out) {
    int at = from;
    for (int level = 0; level < 2 && at < word.length(); level++) {
      if (!hasWithin(word, at, ':') && !hasWithin(word, at, '=')) {
        return false; // neither a header nor an assignment can start here
      }
      Matcher header = HEADER.matcher(word).region(at, word.length());
      if (header.lookingAt() && isSecretHeader(header.group(1))) {
        maskValue(word, header.end(), out);
        return true;
      }
      Matcher assignment = ASSIGNMENT.matcher(word).region(at, word.length());
      if (!assignment.lookingAt()) {
        return false;
      }
      if (isSecretName(word.substring(at, assignment.end() - 1))) {
        maskValue(word, assignment.end(), out);
        return true;
      }
      at = assignment.end();
    }
    return false;
  }

  /**
   * {@code name=value} pairs anywhere in the word with a secret-looking name: the value up to the
   * next separator ({@code ; & , # ' "} or whitespace). A scan from each {@code =}, linear.
   */
  private static void pairs(String word, int from, List<int[]> out) {
    int eq = word.indexOf('=', from);
    while (eq >= 0) {
      int nameStart = eq;
      while (nameStart > from && isNameChar(word.charAt(nameStart - 1))) {
        nameStart--;
      }
      int valueEnd = eq + 1;
      while (valueEnd < word.length() && !isPairSeparator(word.charAt(valueEnd))) {
        valueEnd++;
      }
      if (nameStart < eq && valueEnd > eq + 1 && !Character.isDigit(word.charAt(nameStart))
          && word.charAt(nameStart) != '.' && word.charAt(nameStart) != '-'
          && isSecretName(word.substring(nameStart, eq))) {
        out.add(new int[] {eq + 1, valueEnd});
      }
      eq = word.indexOf('=', eq + 1);
    }
  }

  /** Whether {@code c} occurs in the {@link #MAX_NAME} characters after {@code from}. */
  private static boolean hasWithin(String word, int from, char c) {
    int at = word.indexOf(c, from);
    return at >= 0 && at - from <= MAX_NAME + 16;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }

  private static boolean isPairSeparator(char c) {
    return Character.isWhitespace(c) || ";&,'\"#=".indexOf(c) >= 0;
  }

  /** User-info, and secret query and fragment values, of every {@code scheme://} URL in the word. */
  private static void urls(String word, int from, List<int[]> out) {
    int search = from;
    while (true) {
      int mark = word.indexOf("://", search);
      if (mark < 0) {
        return;
      }
      int start = mark + 3;
      search = start;
      if (mark == from || !isSchemeChar(word.charAt(mark - 1))) {
        continue; // "://" without a scheme before it
      }
      int end = start;
      while (end < word.length() && !Character.isWhitespace(word.charAt(end)) && "\"'<>".indexOf(word.charAt(end)) < 0) {
        end++;
      }
      int authorityEnd = start;
      while (authorityEnd < end && "/?#".indexOf(word.charAt(authorityEnd)) < 0) {
        authorityEnd++;
      }
      int at = word.lastIndexOf('@', authorityEnd - 1);
      if (at >= start) {
        out.add(new int[] {start, at});
      }
      int pos = authorityEnd;
      while (pos < end && word.charAt(pos) != '?' && word.charAt(pos) != '#') {
        pos++;
      }
      while (pos < end) { // after '?' or '#': name=value pairs up to the end of the URL
        pos++;
        int paramEnd = pos;
        while (paramEnd < end && "&;#".indexOf(word.charAt(paramEnd)) < 0) {
          paramEnd++;
        }
        int eq = word.indexOf('=', pos);
        if (eq > pos && eq < paramEnd - 1 && isSecretParameter(word.substring(pos, eq))) {
          out.add(new int[] {eq + 1, paramEnd});
        }
        pos = paramEnd;
      }
      search = Math.max(end, start);
    }
  }

  private static boolean isSchemeChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
  }

  private static boolean isSecretParameter(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return isSecretName(name) || lower.equals("code") || lower.equals("session") || lower.equals("sid")
        || lower.equals("x-amz-security-token");
  }

  /** A word {@code Authorization:} (or {@code NAME=Authorization:}): the credential follows. */
  private static boolean isHeaderStart(String word) {
    String name = word.substring(word.lastIndexOf('=') + 1, word.length() - 1);
    return HEADER_NAME.matcher(name).matches() && isSecretHeader(name);
  }

  private static boolean isSecretHeader(String name) {
    return SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSecretName(name);
  }

  /**
   * Masks {@code word[from..]}: all of it, or what follows an authentication scheme at its start
   * ({@code Bearer ***}). Nothing for an empty value.
   */
  private static void maskValue(String word, int from, List<int[]> out) {
    int start = from;
    int space = from;
    while (space < word.length() && !Character.isWhitespace(word.charAt(space))) {
      space++;
    }
    if (space < word.length() && AUTH_SCHEMES.contains(word.substring(from, space).toLowerCase(Locale.ROOT))) {
      start = space;
      while (start < word.length() && Character.isWhitespace(word.charAt(start))) {
        start++;
      }
    }
    if (start < word.length()) {
      out.add(new int[] {start, word.length()});
    }
  }

  /**
   * A {@code user:password} value: the password masked; a URL given instead ({@code redis-cli -u
   * redis://:pw@host}, {@code az -u http://app-id}) gets the URL rules.
   */
  private static void userPassword(String word, int from, int depth, List<int[]> out) {
    if (word.indexOf("://", from) >= 0) {
      valueRules(word, from, depth, out);
    } else {
      maskAfter(word, from, ':', out);
    }
  }

  /** Masks what follows the first {@code separator} at or after {@code from} (a password after a user). */
  private static void maskAfter(String word, int from, char separator, List<int[]> out) {
    int at = word.indexOf(separator, from);
    if (at >= 0 && at + 1 < word.length()) {
      out.add(new int[] {at + 1, word.length()});
    }
  }

  private static boolean looksLikeFlag(String word) {
    return word.length() > 1 && word.charAt(0) == '-' && !word.equals("--") && !NUMBER.matcher(word).matches();
  }

  private static String stripDashes(String name) {
    int i = 0;
    while (i < name.length() && name.charAt(i) == '-') {
      i++;
    }
    return name.substring(i);
  }

  /**
   * The last path element of a word (either separator), lower case, without a Windows {@code
   * .exe}; empty when longer than a tool's name can be.
   */
  private static String basename(String word) {
    int start = Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1;
    if (word.length() - start > 64) {
      return "";
    }
    String base = word.substring(start).toLowerCase(Locale.ROOT);
    return base.endsWith(".exe") ? base.substring(0, base.length() - 4) : base;
  }

  private static int firstWhitespace(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isWhitespace(word.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasWhitespace(String word, int from) {
    for (int i = from; i < word.length(); i++) {
      if (Character.isWhitespace(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Text: lexed into words as a POSIX shell does; ranges mapped back onto the text.

  private static List<int[]> textRanges(String text, int depth) {
    List<String> words = new ArrayList<>();
    List<int[]> positions = new ArrayList<>(); // per word: the text index of each of its chars
    lex(text, words, positions);
    List<List<int[]>> perWord = scan(words, depth);
    List<int[]> out = new ArrayList<>();
    for (int w = 0; w < words.size(); w++) {
      int[] at = positions.get(w);
      for (int[] r : perWord.get(w)) {
        // one range per run of adjacent text characters, so a quote inside the range survives
        int runStart = r[0];
        for (int k = r[0] + 1; k <= r[1]; k++) {
          if (k == r[1] || at[k] != at[k - 1] + 1) {
            out.add(new int[] {at[runStart], at[k - 1] + 1});
            runStart = k;
          }
        }
      }
    }
    return out;
  }

  private static void lex(String text, List<String> words, List<int[]> positions) {
    int i = 0;
    int n = text.length();
    StringBuilder word = new StringBuilder();
    int[] at = new int[16];
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      word.setLength(0);
      int len = 0;
      boolean any = false;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        char c = text.charAt(i);
        if (c == '\'') {
          any = true;
          i++;
          while (i < n && text.charAt(i) != '\'') {
            at = put(at, len++, i);
            word.append(text.charAt(i++));
          }
          i++; // the closing quote (or past the end)
        } else if (c == '"') {
          any = true;
          i++;
          while (i < n && text.charAt(i) != '"') {
            if (text.charAt(i) == '\\' && i + 1 < n && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
              i++;
            }
            at = put(at, len++, i);
            word.append(text.charAt(i++));
          }
          i++;
        } else {
          if (c == '\\' && i + 1 < n) {
            i++;
          }
          any = true;
          at = put(at, len++, i);
          word.append(text.charAt(i++));
        }
      }
      if (any) {
        words.add(word.toString());
        positions.add(Arrays.copyOf(at, len));
      }
    }
  }

  private static int[] put(int[] at, int index, int value) {
    int[] a = index < at.length ? at : Arrays.copyOf(at, at.length * 2);
    a[index] = value;
    return a;
  }

  /** The text with each range (merged where they touch) replaced by {@value #MASK}. */
  private static String apply(String text, List<int[]> ranges) {
    if (ranges.isEmpty()) {
      return text;
    }
    List<int[]> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    int i = 0;
    while (i < sorted.size()) {
      int start = Math.max(sorted.get(i)[0], copied);
      int end = sorted.get(i)[1];
      i++;
      while (i < sorted.size() && sorted.get(i)[0] <= end) {
        end = Math.max(end, sorted.get(i)[1]);
        i++;
      }
      if (end <= start) {
        continue;
      }
      out.append(text, copied, start).append(MASK);
      copied = end;
    }
    out.append(text, copied, text.length());
    return out.toString();
  }
}
