package dev.skulk.diagnostics.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The redactor on the shapes that leaked before (issue 10, "Secrets"), each expectation written by
 * hand. The corpus of real-looking command lines and the bundle-level check are in the collectors'
 * tests ({@code RedactionCorpusTest}).
 */
class RedactionTest {

  private static List<String> argv(String... words) {
    return List.of(words);
  }

  @Test
  void aValueIsOneArgumentWhateverItHolds() {
    assertThat(Redaction.redactArgv(argv("gpg", "--passphrase", "a b c", "-d", "f")))
        .containsExactly("gpg", "--passphrase", "***", "-d", "f");
    assertThat(Redaction.redactArgv(argv("x", "--api-key=a b", "HF_TOKEN=a b", "--secret", "l1\nl2\tl3")))
        .containsExactly("x", "--api-key=***", "HF_TOKEN=***", "--secret", "***");
    assertThat(Redaction.redactArgv(argv("x", "--authorization=Basic X", "Authorization=Bearer Y")))
        .containsExactly("x", "--authorization=Basic ***", "Authorization=Bearer ***");
  }

  @Test
  void quotedValuesInsideAScriptAreMaskedWholeKeepingTheirQuotes() {
    assertThat(Redaction.redactArgv(argv("sh", "-c",
            "HF_TOKEN='a b' python -m x --api-key='c d' --authorization='Basic X' && Authorization='Bearer Y' curl u")))
        .containsExactly("sh", "-c",
            "HF_TOKEN='***' python -m x --api-key='***' --authorization='Basic ***' && Authorization='Bearer ***' curl u");
    assertThat(Redaction.redactText("tool --passphrase 'a b c' --pwd \"p w\" next"))
        .isEqualTo("tool --passphrase '***' --pwd \"***\" next");
  }

  @Test
  void shortFlagsBelongToTheirTool() {
    assertThat(Redaction.redactCommandLine(argv("sshpass", "-p", "hunter2", "ssh", "-p", "22", "host")))
        .isEqualTo("sshpass -p *** ssh -p 22 host");
    assertThat(Redaction.redactCommandLine(argv("sshpass", "-phunter2", "ssh", "host")))
        .isEqualTo("sshpass -p*** ssh host");
    assertThat(Redaction.redactCommandLine(argv("mysql", "-uroot", "-pS3cret", "-P3306", "-p", "db")))
        .isEqualTo("mysql -uroot -p*** -P3306 -p db");
    assertThat(Redaction.redactCommandLine(argv("curl", "-uUSER:PW", "-u", "a:b", "--user=c:d", "https://h")))
        .isEqualTo("curl -uUSER:*** -u a:*** --user=c:*** https://h");
    assertThat(Redaction.redactCommandLine(argv("docker", "login", "-u", "me", "-p", "pw", "r.io")))
        .isEqualTo("docker login -u me -p *** r.io");
    assertThat(Redaction.redactCommandLine(argv("docker", "run", "-p", "8000:8000", "img")))
        .isEqualTo("docker run -p 8000:8000 img");
    assertThat(Redaction.redactCommandLine(argv("redis-cli", "-a", "pw", "--no-auth-warning", "ping")))
        .isEqualTo("redis-cli -a *** --no-auth-warning ping");
  }

  @Test
  void namesAndSeparators() {
    assertThat(Redaction.redactCommandLine(argv("app", "--jwt", "e.y.J", "--pwd", "p", "--token:V", "PWD=/home/me")))
        .isEqualTo("app --jwt *** --pwd *** --token:*** PWD=/home/me");
    assertThat(Redaction.redactCommandLine(argv("vllm", "--max-tokens", "512", "--tokenizer", "org/m", "--author", "x")))
        .isEqualTo("vllm --max-tokens 512 --tokenizer org/m --author x");
    assertThat(Redaction.redactCommandLine(argv("docker", "login", "--password-stdin", "r.io")))
        .isEqualTo("docker login --password-stdin r.io");
    assertThat(Redaction.redactCommandLine(argv("x", "--use-auth", "--port", "8")))
        .isEqualTo("x --use-auth --port 8");
  }

  @Test
  void urlsLoseUserInfoSecretParametersAndFragments() {
    assertThat(Redaction.redactUrl("https://ingest:s3cret@logs.example.com:8443/v1/logs"))
        .isEqualTo("https://***@logs.example.com:8443/v1/logs");
    assertThat(Redaction.redactUrl("https://logs.example.com/ingest?api_key=abc&dataset=skulk#top"))
        .isEqualTo("https://logs.example.com/ingest?api_key=***&dataset=skulk#top");
    assertThat(Redaction.redactUrl("https://app.example.com/cb#access_token=V&token_type=bearer&state=s"))
        .isEqualTo("https://app.example.com/cb#access_token=***&token_type=bearer&state=s");
    assertThat(Redaction.redactUrl("http://127.0.0.1:8080/ingest")).isEqualTo("http://127.0.0.1:8080/ingest");
    assertThat(Redaction.redactUrl("http://h/?token=")).isEqualTo("http://h/?token=");
    assertThat(Redaction.redactUrl(null)).isNull();
  }

  @Test
  void redactingTwiceChangesNothingMore() {
    List<String> once = Redaction.redactArgv(argv("curl", "-H", "Authorization: Bearer x", "--api-key", "k",
        "https://u:p@h/?sig=s"));
    assertThat(Redaction.redactArgv(once)).isEqualTo(once);
  }

  @Test
  void hostileInputStaysLinear() {
    // Long runs that a backtracking pattern would turn quadratic: letters, '=' chains, "://", quotes.
    SplittableRandom random = new SplittableRandom(20261201L);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      letters.append((char) ('a' + random.nextInt(26)));
    }
    String[] words = {letters.toString(), "a=".repeat(100_000), "x://".repeat(50_000),
        "\"k\":\"".repeat(30_000), "--api-key=" + "'a ".repeat(50_000)};
    long start = System.nanoTime();
    for (String w : words) {
      Redaction.redactArgv(argv("sh", "-c", w, w));
    }
    // a generous real-time guard: linear work here is a few tens of ms even on a busy machine
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
  }
}
