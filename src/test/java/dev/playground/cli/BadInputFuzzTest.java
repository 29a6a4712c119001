package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.clock.VirtualClock;
import dev.playground.events.RunLogFormatException;
import dev.playground.events.RunLogReader;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.policy.PolicyJson;
import dev.playground.policy.PolicySet;
import dev.playground.provider.SimulatedProvider;
import dev.playground.scenario.Presets;
import dev.playground.scenario.ScenarioJson;
import dev.playground.scenario.ScenarioRun;
import dev.playground.ui.faults.FaultTarget;
import dev.playground.ui.faults.FaultsViewModel;
import dev.playground.ui.policies.PoliciesViewModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of generated bad inputs (seeded: {@code -Dfuzz.seed=N} replays another), each put where a user would
 * put it: scenario files to {@code run}, fault plans to {@code serve --faults} and to the admin API over
 * loopback HTTP, plans and policies pasted into the window's Faults and Policies tabs (their view models),
 * policies to {@link PolicyJson}, run logs to the reader behind Open run…. Every one must be refused with one
 * line that names the field and the rule (no stack trace, no dump), exit code 2 or HTTP 400/413, and nothing
 * applied; the processes stay alive.
 */
class BadInputFuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20_251_204L);
  private static final Pattern RULE = Pattern.compile("must|unknown|not valid JSON|is not|needs|has both|has no"
      + "|applies to|cannot|repeats|at most|larger than|used twice|not both|give |expected|empty|Duplicate|depth"
      + "|longer than|not a run log|required|is for");
  private static final List<String> NOT_IN_A_MESSAGE = List.of("Exception", "\tat ", "java.", "com.fasterxml",
      "dev.playground.", "Source: ");

  @TempDir static Path dir;
  private static SimulatedProvider sim;
  private static FaultPlan inForce;
  private static List<String> logLines;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ExecutorService SERVE = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-serve");
    t.setDaemon(true);
    return t;
  });
  private static int written;

  @BeforeAll
  static void startTheProviderAndRecordALog() throws Exception {
    inForce = FaultPlans.parse(Breakages.PLAN);
    sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("fuzz").withPlan(inForce));
    Path log = dir.resolve("valid.jsonl");
    var scenario = Presets.get("outage-and-recovery");
    ScenarioRun.virtual(scenario.withLoad(scenario.load().withRequests(30)), new VirtualClock(), log, null)
        .runToEnd(Duration.ofMinutes(1));
    logLines = Files.readAllLines(log);
  }

  @AfterAll
  static void stop() {
    sim.close();
    SERVE.shutdownNow();
  }

  @Test
  void theDocumentsTheCasesAreMadeFromAreValid() throws Exception {
    assertThat(FaultPlans.checkProvider(FaultPlans.parse(Breakages.PLAN), "").rules()).hasSize(5);
    assertThat(PolicyJson.read(Breakages.POLICIES).chain().size()).isEqualTo(2);
    assertThat(ScenarioJson.parse(Breakages.SCENARIO, "fuzz.json").name()).isEqualTo("fuzz");
    assertThat(RunLogReader.parse(String.join("\n", logLines)).events()).hasSize(logLines.size());
    assertThat(logLines.size()).isGreaterThan(100);
  }

  @Test
  void badScenarioFilesAreRefusedByRunWithTwoAndOneLineBeforeAnythingRuns() {
    assertAllRefused("run", 300, BadInputs::scenario, c -> {
      Path file = file(c.text(), ".json");
      Outcome o = command("run", file.toString(), "--virtual");
      expect(o.code == 2, "exit code " + o.code);
      expect(o.out.isEmpty(), "something ran: " + o.out);
      return oneLine(o.err, "run: ");
    });
  }

  @Test
  void badFaultPlanFilesAreRefusedByServeWithTwoAndOneLine() {
    assertAllRefused("serve", 120, BadInputs::plan, c -> {
      Path file = file(c.text(), ".json");
      Future<Outcome> serve = SERVE.submit(() -> command("serve", "--faults", file.toString(), "--port", "0"));
      Outcome o;
      try {
        o = serve.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("serve took the plan and started");
      } catch (Exception e) {
        throw new AssertionError("serve failed: " + e);
      }
      expect(o.code == 2, "exit code " + o.code);
      expect(o.out.isEmpty(), "serve printed " + o.out);
      return oneLine(o.err, "serve: ");
    });
  }

  @Test
  void badFaultPlansPutToTheAdminApiGetAFourHundredAndThePlanInForceStays() throws Exception {
    String before = get("/__admin/faults");
    assertAllRefused("admin", 300, BadInputs::plan, c -> {
      HttpResponse<String> put = send(HttpRequest.newBuilder(admin("/__admin/faults"))
          .PUT(HttpRequest.BodyPublishers.ofString(c.text())).build());
      expect(put.statusCode() == 400 || put.statusCode() == 413, "HTTP " + put.statusCode());
      JsonNode error = BadInputs.read(put.body()).path("error");
      expect(error.path("type").asText().equals("invalid_request_error"), "not OpenAI's error shape: " + put.body());
      expect(get("/__admin/faults").equals(before), "the plan in force changed");
      return error.path("message").asText();
    });
    assertThat(sim.faults()).isEqualTo(inForce);
    HttpResponse<String> chat = send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build());
    assertThat(chat.statusCode()).as("the provider still answers").isBetween(200, 599);
  }

  @Test
  void badFaultPlansPastedIntoTheFaultsTabAreRefusedAndTheFormKeepsItsPlan() {
    FaultsViewModel model = new FaultsViewModel();
    model.setTargets(List.of(FaultTarget.provider("sim", "simulated", inForce)));
    assertAllRefused("faults tab", 100, BadInputs::plan, c -> {
      model.pasteTextProperty().set(c.text());
      expect(!model.loadPasted(), "the plan was loaded");
      expect(model.draftProperty().get().build().equals(inForce), "the form changed");
      expect(model.applied().equals(inForce), "the plan in force changed");
      return model.pasteProblemProperty().get();
    });
  }

  @Test
  void badPoliciesAreRefusedByTheReaderWithOneLine() {
    assertAllRefused("policies", 120, BadInputs::policies, c -> {
      try {
        PolicyJson.read(c.text());
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
      throw new AssertionError("the policies were taken");
    });
  }

  @Test
  void badPoliciesPastedIntoThePoliciesTabAreRefusedAndTheFormKeepsItsSet() {
    PoliciesViewModel model = new PoliciesViewModel();
    PolicySet set = PolicyJson.read(Breakages.POLICIES);
    model.setPolicies(set);
    assertAllRefused("policies tab", 100, BadInputs::policies, c -> {
      model.pasteTextProperty().set(c.text());
      expect(!model.loadPasted(), "the policies were loaded");
      expect(set.equals(model.currentProperty().get()), "the form changed");
      return model.pasteProblemProperty().get();
    });
  }

  @Test
  void brokenRunLogsAreRefusedByTheReaderBehindOpenRunNamingTheLine() {
    assertAllRefused("run log", 300, g -> g.runLog(logLines), c -> {
      Path file = file(c.text(), ".jsonl");
      try {
        RunLogReader.read(file);
      } catch (RunLogFormatException e) {
        return e.getMessage();
      } catch (Exception e) {
        throw new AssertionError("failed with " + e);
      }
      throw new AssertionError("the log was read");
    });
  }

  // ---- the property

  /** Generates {@code count} cases and checks each; lists every case that is not refused as it should be. */
  private static void assertAllRefused(String target, int count, Function<BadInputs, BadInputs.Case> generate,
      Function<BadInputs.Case, String> refuse) {
    BadInputs inputs = new BadInputs(SEED ^ target.hashCode());
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BadInputs.Case c = generate.apply(inputs);
      try {
        String line = refuse.apply(c);
        String problem = problem(line, c);
        if (problem != null) failures.add(i + ": " + c + "\n    " + problem + ": " + line);
      } catch (AssertionError e) {
        failures.add(i + ": " + c + "\n    " + e.getMessage());
      }
    }
    assertThat(failures).as(target + " cases not refused as they should be (seed " + SEED + ")").isEmpty();
  }

  /** Why {@code line} is not one clear line naming the field and the rule, or null if it is. */
  static String problem(String line, BadInputs.Case c) {
    if (line == null || line.isBlank()) return "no message";
    if (line.contains("\n") || line.contains("\r")) return "more than one line";
    if (line.length() > 700) return "a message of " + line.length() + " characters";
    for (String bad : NOT_IN_A_MESSAGE) if (line.contains(bad)) return "a message with \"" + bad + "\" in it";
    if (!RULE.matcher(line).find()) return "no rule in the message";
    for (String group : c.expect()) {
      boolean named = false;
      for (String alternative : group.split("\\|")) named |= line.contains(alternative);
      if (!named) return "the message does not name " + group;
    }
    return null;
  }

  private static void expect(boolean condition, String otherwise) {
    if (!condition) throw new AssertionError(otherwise);
  }

  private static String oneLine(String err, String prefix) {
    String text = err.endsWith(System.lineSeparator()) ? err.substring(0, err.length() - System.lineSeparator().length())
        : err;
    expect(text.startsWith(prefix), "err does not start with " + prefix + ": " + text);
    return text.substring(prefix.length());
  }

  // ---- plumbing

  private record Outcome(int code, String out, String err) {}

  private static Outcome command(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = PlaygroundCommand.commandLine(a -> {
      throw new AssertionError("no window");
    });
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private static synchronized Path file(String text, String suffix) {
    try {
      return Files.writeString(dir.resolve("case-" + (written++ % 8) + suffix), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static URI admin(String path) {
    return URI.create(sim.baseUrl().replace("/v1", "") + path);
  }

  private static String get(String path) {
    return send(HttpRequest.newBuilder(admin(path)).GET().build()).body();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("the provider did not answer: " + e);
    }
  }
}
