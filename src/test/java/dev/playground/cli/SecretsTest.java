package dev.playground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playground.faults.FaultPlan;
import dev.playground.provider.SimulatedProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary API key in the environment of a real {@code run} (a child JVM, through the chaos proxy to an
 * upstream that insists on the key) is used, and appears in no log, export or output.
 */
class SecretsTest {
  private static final String CANARY = "sk-canary-7f3a9c2e1b5d4f60a8e2";

  @Test
  void theKeyIsUsedButWrittenNowhere(@TempDir Path dir) throws Exception {
    try (var upstream = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("upstream")
        .withPlan(FaultPlan.healthy(0)).withRequiredApiKey(CANARY))) {
      Path scenario = dir.resolve("proxy.json");
      Files.writeString(scenario, """
          {"name": "proxy", "providers": [{"name": "chaos", "type": "proxy", "base_url": "%s",
             "faults": {"rules": [{"kind": "rate_limit", "probability": 0.3, "retry_after_ms": 20}]}}],
           "policies": {"chain": [{"provider": "chaos", "model": "gpt-4o-mini"}],
             "retry": {"max_attempts": 3, "delay_ms": 10}},
           "load": {"requests": 8, "concurrency": 2}}
          """.formatted(upstream.baseUrl()));
      Path log = dir.resolve("run.jsonl");
      Path csv = dir.resolve("csv");
      Path stdout = dir.resolve("stdout.txt");
      Path stderr = dir.resolve("stderr.txt");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      var builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          "dev.playground.app.Launcher", "run", scenario.toString(), "--out", log.toString(), "--csv", csv.toString())
          .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      builder.environment().put("OPENAI_API_KEY", CANARY);
      Process child = builder.start();
      assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

      assertThat(child.exitValue()).as(Files.readString(stderr)).isZero();
      assertThat(upstream.requestCount()).as("the upstream accepted the key").isGreaterThanOrEqualTo(8);
      assertThat(Files.readString(stdout)).contains("8 answered");
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(scenario)).toList())
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).as(f.getFileName().toString())
              .doesNotContain(CANARY).doesNotContain(CANARY.substring(3, 15));
      }
    }
  }
}
