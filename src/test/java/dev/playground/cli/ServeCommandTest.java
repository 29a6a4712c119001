package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  /** Collects what a command prints, line by line, as it prints it. */
  private static final class Lines extends Writer {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final StringBuilder all = new StringBuilder();
    private final StringBuilder current = new StringBuilder();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        all.append(buf[i]);
        if (buf[i] == '\n') {
          lines.add(current.toString());
          current.setLength(0);
        } else if (buf[i] != '\r') {
          current.append(buf[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    String next() throws InterruptedException {
      String line = lines.poll(20, TimeUnit.SECONDS);
      if (line == null) throw new AssertionError("nothing printed within 20 s; so far: " + all);
      return line;
    }

    synchronized String text() {
      return all.toString();
    }
  }

  private record Run(ServeCommand command, Lines out, Lines err, CompletableFuture<Integer> exit) {}

  private static Run serve(String... args) {
    var command = new ServeCommand();
    var out = new Lines();
    var err = new Lines();
    var cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
    return new Run(command, out, err, exit);
  }

  private static int runToEnd(Lines err, String... args) {
    var cli = new CommandLine(new ServeCommand()).setOut(new PrintWriter(new StringWriter(), true))
        .setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private HttpResponse<String> chat(String baseUrl) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
        .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servePrintsItsBaseUrlOnOneLineServesUntilStoppedAndThenFreesThePort() throws Exception {
    Run run = serve("--port", "0");

    String url = run.out().next();

    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/v1");
    assertThat(chat(url).statusCode()).isEqualTo(200);
    run.command().requestStop();
    assertThat(run.exit().get(20, TimeUnit.SECONDS)).isZero();
    assertThat(run.out().text()).isEqualTo(url + System.lineSeparator());
    assertThat(run.err().text()).contains("admin API (loopback only)").contains("Ctrl-C stops it.");
    assertThatThrownBy(() -> chat(url)).isInstanceOf(ConnectException.class);
  }

  @Test
  void aPlanFileIsInForceFromTheStartAndTheSeedReplacesItsSeed() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.json"),
        "{\"seed\": 1, \"rules\": [{\"kind\": \"service_unavailable\", \"retry_after_s\": 4}]}");
    Run run = serve("--faults", plan.toString(), "--seed", "77");

    String url = run.out().next();
    HttpResponse<String> r = chat(url);
    HttpResponse<String> faults = http.send(HttpRequest.newBuilder(
        URI.create(url.replace("/v1", "/__admin/faults"))).build(), HttpResponse.BodyHandlers.ofString());
    run.command().requestStop();

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("retry-after")).hasValue("4");
    assertThat(faults.body()).contains("\"seed\" : 77");
    assertThat(run.exit().get(20, TimeUnit.SECONDS)).isZero();
    assertThat(run.err().text()).contains("1 fault rule(s) in force");
  }

  @Test
  void aBadPlanFileExitsWithTwoAndOneClearMessage() throws Exception {
    Path plan = Files.writeString(dir.resolve("bad.json"),
        "{\"rules\": [{\"kind\": \"ok\"}, {\"kind\": \"rate_limit\", \"probability\": 1.5}]}");
    var err = new Lines();

    int exit = runToEnd(err, "--faults", plan.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.text().strip())
        .isEqualTo("serve: bad fault plan " + plan + ": rules[1].probability must be in [0, 1], was 1.5");
  }

  @Test
  void aMissingPlanFileAnUnknownHostAndABadUpstreamEachExitWithTwo() {
    var missing = new Lines();
    var host = new Lines();
    var upstream = new Lines();
    var port = new Lines();

    assertThat(runToEnd(missing, "--faults", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(runToEnd(host, "--host", "no-such-host.invalid")).isEqualTo(2);
    assertThat(runToEnd(upstream, "--upstream", "ftp://example.com/v1")).isEqualTo(2);
    assertThat(runToEnd(port, "--port", "70000")).isEqualTo(2);

    assertThat(missing.text()).contains("cannot read fault plan").contains("no such file");
    assertThat(host.text()).contains("--host \"no-such-host.invalid\" is not an address or a known host name");
    assertThat(upstream.text()).contains("--upstream must be an http(s) URL");
    assertThat(port.text()).contains("--port must be in [0, 65535], was 70000");
    for (var e : List.of(missing, host, upstream, port)) assertThat(e.text().strip().lines()).hasSize(1);
  }

  @Test
  void aHostOtherMachinesCanReachNeedsAllowRemote() {
    var err = new Lines();

    int exit = runToEnd(err, "--host", "0.0.0.0", "--upstream", "https://api.openai.com/v1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.text()).contains("anyone who can reach it could use the simulated API")
        .contains("your API key's quota").contains("--allow-remote");
  }

  @Test
  void withAllowRemoteItSaysWhatItExposes() throws Exception {
    Run run = serve("--host", "0.0.0.0", "--allow-remote");

    String url = run.out().next();
    assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/v1");
    assertThat(chat(url).statusCode()).isEqualTo(200);
    run.command().requestStop();

    assertThat(run.exit().get(20, TimeUnit.SECONDS)).isZero();
    assertThat(run.err().text()).contains("WARNING: listening on 0.0.0.0")
        .contains("can use the simulated API").contains("The admin API still answers loopback clients only.");
  }

  @Test
  void serveIsACommandOfTheRoot() {
    assertThat(PlaygroundCommand.execute(new String[] {"serve", "--faults", dir.resolve("none.json").toString()},
        args -> { throw new AssertionError("no window"); })).isEqualTo(2);
    assertThat(PlaygroundCommand.execute(new String[] {"serve", "--no-such-option"}, args -> {})).isEqualTo(2);
  }

  @Test
  void ctrlCStopsARealProcessCleanlyThroughTheShutdownHook() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "dev.playground.app.Launcher", "serve", "--port", "0"));
    Process process = new ProcessBuilder(command).start();
    try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String url = out.readLine();
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/v1");
      assertThat(chat(url).statusCode()).isEqualTo(200);

      process.toHandle().destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C

      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(err).contains("serve: stopped");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void helpDescribesEveryOption() throws IOException {
    var out = new StringWriter();
    new CommandLine(new ServeCommand()).setOut(new PrintWriter(out, true)).execute("--help");

    assertThat(out.toString()).contains("--port", "--host", "--allow-remote", "--faults", "--upstream", "--seed");
  }
}
