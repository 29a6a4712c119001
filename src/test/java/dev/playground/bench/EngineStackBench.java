package dev.playground.bench;

import dev.playground.clock.LiveClock;
import dev.playground.engine.EngineSetup;
import dev.playground.engine.ResilientClient;
import dev.playground.engine.Retriever;
import dev.playground.events.RunRecorder;
import dev.playground.events.RunSummary;
import dev.playground.faults.FaultPlan;
import dev.playground.llm.ChatAnswer;
import dev.playground.llm.ChatModel;
import dev.playground.llm.ChatRequest;
import dev.playground.llm.OpenAiChatModel;
import dev.playground.policy.ModelRef;
import dev.playground.policy.PolicyJson;
import dev.playground.provider.SimulatedProvider;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One healthy chat call on the same loopback simulated provider: bare (the openai-java adapter alone) and
 * through the whole policy stack (fallback chain of two models, retry, rate limiter, bulkhead, breaker,
 * cache, every step published as a run event to a recorder with a summary). Run by {@link EngineBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineStackBench {
  static final String POLICIES = """
      {"chain": [{"provider": "sim", "model": "gpt-4o-mini"}, {"provider": "sim", "model": "gpt-4o"}],
       "retry": {"max_attempts": 3, "delay_ms": 100, "backoff": {"max_delay_ms": 2000}, "jitter": "full"},
       "breaker": {"failure_threshold": {"failures": 5, "executions": 10}, "delay_ms": 30000},
       "timeout": {"per_attempt_ms": 5000},
       "bulkhead": {"max_concurrent": 64, "max_wait_ms": 1000},
       "rate_limiter": {"mode": "bursty", "permits": 1000000, "period_ms": 1000, "max_wait_ms": 1000},
       "cache": {"enabled": true, "ttl_ms": 600000, "max_size": 1000},
       "ladder": {"full": false, "limited": true, "cached": true, "error": true}}
      """;

  /** Smaller stacks, to see what each part costs: {@code -Dbench.args="pairs N VARIANT"}. */
  static final Map<String, String> VARIANTS = Map.of(
      "chain", "{\"chain\": [{\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"}],"
          + " \"ladder\": {\"full\": false, \"limited\": true, \"cached\": false, \"error\": true}}",
      "retry-breaker", "{\"chain\": [{\"provider\": \"sim\", \"model\": \"gpt-4o-mini\"},"
          + " {\"provider\": \"sim\", \"model\": \"gpt-4o\"}], \"retry\": {}, \"breaker\": {},"
          + " \"ladder\": {\"full\": false, \"limited\": true, \"cached\": false, \"error\": true}}");

  private SimulatedProvider server;
  private LiveClock clock;
  private OpenAiChatModel bare;
  private ResilientClient client;
  private final Map<String, ChatModel> models = new ConcurrentHashMap<>();
  private ChatRequest request;
  private long n;

  @Setup(Level.Trial)
  public void start() {
    server = SimulatedProvider.start(SimulatedProvider.Options.defaults().withPlan(FaultPlan.healthy(0)));
    clock = new LiveClock();
    bare = model("gpt-4o-mini");
    request = ChatRequest.of("What is a circuit breaker?", Duration.ofSeconds(5));
    RunRecorder recorder = new RunRecorder(clock);
    recorder.subscribe(new RunSummary());
    String policies = VARIANTS.getOrDefault(System.getProperty("engine.variant", "full"), POLICIES);
    client = new ResilientClient(PolicyJson.read(policies), new EngineSetup(clock, recorder, 1,
        (ModelRef ref) -> models.computeIfAbsent(ref.key(), k -> model(ref.model())), Retriever.overLesson()));
  }

  private OpenAiChatModel model(String name) {
    return OpenAiChatModel.builder().provider("sim").baseUrl(server.baseUrl()).model(name).apiKey("sk-bench").build();
  }

  /** The same prompt every time, as the bare call: the cache stores it but is not read first. */
  @Benchmark
  public ChatAnswer bareCall() {
    return bare.chat(request).join();
  }

  @Benchmark
  public Object fullPolicyStack() {
    n++;
    return client.ask("What is a circuit breaker?").join();
  }

  @TearDown(Level.Trial)
  public void stop() {
    models.values().forEach(ChatModel::close);
    bare.close();
    server.close();
    clock.close();
  }
}
