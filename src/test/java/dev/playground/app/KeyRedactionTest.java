package dev.playground.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.playground.events.CsvExport;
import dev.playground.events.RunEvent;
import dev.playground.events.RunLogReader;
import dev.playground.faults.FaultPlan;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.LlmFailure;
import dev.playground.llm.OpenAiChatModel;
import dev.playground.provider.SimulatedProvider;
import dev.playground.scenario.ScenarioJson;
import dev.playground.scenario.ScenarioRun;
import dev.playground.session.HtmlReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream that quotes the {@code Authorization} header back (in its error message, its request id and, for
 * one model, in the answer itself), reached through the chaos proxy and directly as a real provider. The key
 * is demonstrably in what the upstream sends, and appears in none of what the app writes or shows: the events
 * the window gets, the run log, the CSV files, the summary and the HTML report. The key's variable has a name
 * that does not look secret, so only the keys the app registers where it reads them can mask it.
 */
class KeyRedactionTest {
  private static final String KEY_VARIABLE = "UPSTREAM_CREDENTIAL";

  private final String key = "sk-canary-" + UUID.randomUUID().toString().replace("-", "");
  private final List<String> authorizationsSeen = new CopyOnWriteArrayList<>();
  private HttpServer echo;
  private String echoUrl;

  @TempDir Path dir;

  @BeforeEach
  void startTheEchoingUpstream() throws IOException {
    echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    echo.setExecutor(Executors.newFixedThreadPool(4));
    echo.createContext("/", this::answer);
    echo.start();
    echoUrl = "http://127.0.0.1:" + echo.getAddress().getPort() + "/v1";
  }

  @AfterEach
  void stop() {
    echo.stop(0);
    ((ExecutorService) echo.getExecutor()).shutdownNow();
  }

  /** Model "answers": a 200 whose answer quotes the header; any other: a 401 that quotes it, as some gateways do. */
  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
    authorizationsSeen.add(auth);
    boolean answers = body.contains("\"model\":\"answers\"");
    String reply = answers
        ? "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"answers\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"You sent " + auth + "\"},\"finish_reason\":\"stop\"}]}"
        : "{\"error\":{\"message\":\"Incorrect API key provided: " + auth + ". You can find your API key at "
            + "https://example.com/keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-request-id", "req_for_" + auth.replace(' ', '_'));
    exchange.sendResponseHeaders(answers ? 200 : 401, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void theRawUpstreamBodyCarriesTheKey() throws Exception {
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(echoUrl
            + "/chat/completions")).header("Authorization", "Bearer " + key)
        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"fails\"}")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(raw.body()).as("without redaction, this is what would be shown").contains(key);
    assertThat(raw.headers().firstValue("x-request-id").orElseThrow()).contains(key);
  }

  @Test
  void aRunThroughTheProxyAndToTheRealEndpointWritesTheKeyNowhere() throws Exception {
    var scenario = ScenarioJson.parse("""
        {"name": "key-echo", "seed": 7,
         "providers": [
           {"name": "chaos", "type": "proxy", "base_url": "%1$s", "api_key_env": "%2$s"},
           {"name": "direct", "type": "real", "base_url": "%1$s", "api_key_env": "%2$s"}],
         "policies": {"chain": [{"provider": "chaos", "model": "fails"}, {"provider": "direct", "model": "fails"},
                                {"provider": "direct", "model": "answers"}],
                      "retry": {"max_attempts": 2, "delay_ms": 1}},
         "load": {"requests": 4, "concurrency": 2}}
        """.formatted(echoUrl, KEY_VARIABLE), "key-echo.json");
    Path log = dir.resolve("run.jsonl");
    List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> environment = Map.of(KEY_VARIABLE, key);

    String summary;
    try (ScenarioRun run = ScenarioRun.live(scenario, log, seen::add, environment::get)) {
      summary = run.runToEnd(Duration.ofMinutes(1)).toText();
    }
    List<Path> csv = CsvExport.write(RunLogReader.read(log).events(), dir.resolve("csv"));
    String html = report(summary, seen);

    assertThat(authorizationsSeen).as("the upstream got the key, through the proxy and directly")
        .contains("Bearer " + key).hasSizeGreaterThanOrEqualTo(12);
    List<String> errors = errors(seen);
    assertThat(errors).as("the upstream's errors reached the events").isNotEmpty()
        .allSatisfy(e -> assertThat(e).contains("Incorrect API key provided"));
    assertThat(seen).filteredOn(e -> e instanceof RunEvent.RequestFinished f && "answers".equals(f.model()))
        .as("the echoing answer reached the events").isNotEmpty();
    synchronized (seen) {
      for (RunEvent e : seen) assertThat(e.toString()).as("an event the window gets").doesNotContain(key);
    }
    assertThat(Files.readString(log)).as("the run log").doesNotContain(key).contains("[redacted]");
    for (Path file : csv) assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain(key);
    assertThat(summary).as("the summary").doesNotContain(key);
    assertThat(html).as("the HTML report").doesNotContain(key).contains("Incorrect API key provided");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList())
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(key).doesNotContain(key.substring(3, 20));
    }
  }

  @Test
  void theProxyMasksTheKeyInWhatTheUpstreamSendsBackEvenInAnAnswer() throws Exception {
    try (var proxy = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("proxy")
        .withPlan(FaultPlan.healthy(0)).withUpstream(URI.create(echoUrl)).withApiKey(() -> key))) {
      HttpClient http = HttpClient.newHttpClient();
      for (String model : List.of("fails", "answers")) {
        HttpResponse<String> through = http.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/chat/completions"))
            .header("Authorization", "Bearer sk-simulated-no-secret").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(authorizationsSeen).last().isEqualTo("Bearer " + key);
        assertThat(through.body()).as(model).doesNotContain(key).contains("Bearer " + "*".repeat(key.length()));
        assertThat(through.headers().map().toString()).as(model).doesNotContain(key);
      }
    }
  }

  @Test
  void anExceptionFromTheRealEndpointCarriesNoKeyInItsMessageNorItsCauses() throws Exception {
    try (var model = OpenAiChatModel.builder().provider("direct").baseUrl(echoUrl).model("fails").apiKey(key).build()) {
      Throwable thrown = null;
      try {
        model.chat(ChatRequest.of("hi", Duration.ofSeconds(10))).get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        thrown = e.getCause();
      }

      assertThat(thrown).isInstanceOf(LlmFailure.class);
      assertThat(authorizationsSeen).last().isEqualTo("Bearer " + key);
      for (Throwable t = thrown; t != null; t = t.getCause())
        assertThat(String.valueOf(t.getMessage())).as(t.getClass().getSimpleName()).doesNotContain(key);
      assertThat(thrown.getMessage()).contains("Incorrect API key provided: Bearer ***");
      assertThat(((LlmFailure) thrown).requestId().orElse("")).doesNotContain(key);
    }
  }

  private static List<String> errors(List<RunEvent> events) {
    synchronized (events) {
      return events.stream().filter(e -> e instanceof RunEvent.AttemptFinished f && f.error() != null)
          .map(e -> ((RunEvent.AttemptFinished) e).error()).toList();
    }
  }

  /** The report as the window writes it: the summary, and the errors as its event log shows them. */
  private static String report(String summary, List<RunEvent> events) {
    StringBuilder rows = new StringBuilder("<table>");
    for (String error : errors(events)) rows.append("<tr><td>").append(HtmlReport.escape(error)).append("</td></tr>");
    return HtmlReport.builder("Resilience Playground run")
        .section(new HtmlReport.Section("Summary", "<pre>" + HtmlReport.escape(summary) + "</pre>"))
        .section(new HtmlReport.Section("Errors", rows.append("</table>").toString()))
        .build().render();
  }
}
