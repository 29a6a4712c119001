package dev.playground.provider;

import com.sun.net.httpserver.HttpServer;
import dev.playground.common.DaemonThreads;
import dev.playground.faults.FaultInjector;
import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.Quote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An OpenAI-compatible chat server on loopback that fails on command: {@code POST /v1/chat/completions}
 * (plain and streaming), {@code GET /v1/models}, and the admin API under {@code /__admin/}. With an upstream
 * it is a chaos proxy: what the fault plan lets through goes to the real provider. Thread-safe; several can
 * run at once, each with its own plan.
 *
 * <pre>{@code
 * try (var sim = SimulatedProvider.start(SimulatedProvider.Options.defaults().withName("sim-a"))) {
 *   sim.applyFaults(FaultPlans.parse("{\"rules\":[{\"kind\":\"rate_limit\",\"probability\":0.3}]}"));
 *   String baseUrl = sim.baseUrl();   // http://127.0.0.1:PORT/v1, for any OpenAI SDK
 * }
 * }</pre>
 */
public final class SimulatedProvider implements AutoCloseable {
  static {
    // Both are read once, when the JDK server's configuration class loads. Nagle plus delayed ACKs add
    // ~40 ms to every keep-alive answer; the response timer closes (and forgets) connections this server
    // closed itself in mid-answer, after at most 15 min, longer than any hold or delay a plan allows.
    if (System.getProperty("sun.net.httpserver.nodelay") == null)
      System.setProperty("sun.net.httpserver.nodelay", "true");
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null)
      System.setProperty("sun.net.httpserver.maxRspTime", "900");
  }

  private final Options options;
  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor timer;
  private final FaultInjector injector;
  private final Journal journal;
  private final ChaosProxy proxy;
  private final long startedAtMs;
  private final String baseUrl;

  private SimulatedProvider(Options options) throws IOException {
    this.options = options;
    this.startedAtMs = options.clock().getAsLong();
    this.injector = new FaultInjector(options.plan(), options.clock());
    this.journal = new Journal(options.journalSize());
    this.workers = new ThreadPoolExecutor(options.workerThreads(), options.workerThreads(), 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), threads("sim-" + options.name() + "-http"));
    this.timer = new ScheduledThreadPoolExecutor(1, threads("sim-" + options.name() + "-timer"));
    timer.setRemoveOnCancelPolicy(true);
    this.proxy = options.upstream() == null ? null : new ChaosProxy(options.upstream(), options.apiKey(), workers);
    InetAddress address = InetAddress.getByName(options.host());
    this.server = HttpServer.create(new InetSocketAddress(address, options.port()), 256);
    var chat = new ChatCompletions(this, proxy);
    server.createContext("/", new Router(chat, new AdminApi(this), proxy, options));
    server.setExecutor(workers);
    server.start();
    int port = server.getAddress().getPort();
    String host = address.isAnyLocalAddress() ? "127.0.0.1"
        : address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    this.baseUrl = "http://" + host + ":" + port + "/v1";
  }

  /**
   * Starts a provider and returns once it is listening.
   *
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is in use)
   */
  public static SimulatedProvider start(Options options) {
    try {
      return new SimulatedProvider(options);
    } catch (UnknownHostException e) {
      throw new UncheckedIOException("unknown host \"" + options.host() + "\"", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
  }

  /** {@code http://127.0.0.1:PORT/v1}: the base URL for an OpenAI client. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String name() {
    return options.name();
  }

  public Options options() {
    return options;
  }

  /** The plan in force. */
  public FaultPlan faults() {
    return injector.plan();
  }

  /**
   * Puts {@code plan} in force at once (its windows start now, its numbering at 0). A rule for the engine's
   * retriever or cache is refused ({@code FaultPlanException}): a provider breaks chat calls only.
   */
  public void applyFaults(FaultPlan plan) {
    injector.apply(FaultPlans.checkProvider(plan, ""));
  }

  /** Starts the plan in force again now (windows and numbering), without a change event. */
  public void restartFaults() {
    injector.restart();
  }

  /** Holds the plan's timed rules until {@link #restartFaults()}, without a change event. */
  public void holdFaults() {
    injector.hold();
  }

  /** Parses and applies a plan; a bad one throws {@code FaultPlanException} and the plan in force stays. */
  public FaultPlan applyFaults(String json) {
    FaultPlan plan = FaultPlans.checkProvider(FaultPlans.parse(json), "");
    injector.apply(plan);
    return plan;
  }

  /** Healthy again: no rules, no latency. */
  public void clearFaults() {
    injector.clear();
  }

  /**
   * Calls {@code listener} (on the thread that applied it) with every plan applied from now on, by the Java or the
   * admin API.
   */
  public AutoCloseable onFaultsChanged(Consumer<FaultPlan> listener) {
    return injector.onChange(listener);
  }

  /** The latest chat requests (at most the journal size), oldest first. */
  public List<JournalEntry> journal() {
    return journal.latest(journal.capacity());
  }

  /** Every chat request received since the start, however many the journal still holds. */
  public long requestCount() {
    return journal.received();
  }

  /** Stops listening, drops held connections and stops the threads. */
  @Override
  public void close() {
    server.stop(0);
    timer.shutdownNow();
    workers.shutdownNow();
    if (proxy != null) proxy.close();
  }

  // --- for the handlers of this package ---

  FaultInjector injector() {
    return injector;
  }

  Journal journalRing() {
    return journal;
  }

  ScheduledThreadPoolExecutor timer() {
    return timer;
  }

  ExecutorService workers() {
    return workers;
  }

  long sinceStartMs() {
    return options.clock().getAsLong() - startedAtMs;
  }

  private static ThreadFactory threads(String prefix) {
    return DaemonThreads.numbered(prefix);
  }

  /**
   * How to start a provider. Immutable; build from {@link #defaults()} with the {@code with*} methods.
   *
   * @param name shown in thread names and the journal's owner (e.g. "sim-a")
   * @param host the address to bind; 127.0.0.1 unless told otherwise
   * @param port 0 for any free port
   * @param seed seeds request ids and answers' ids
   * @param plan the fault plan in force at start
   * @param upstream a real OpenAI-compatible base URL (e.g. https://api.openai.com/v1) to proxy to, or null
   * @param apiKey the key sent upstream as {@code Authorization: Bearer …}; by default {@code OPENAI_API_KEY}
   *     from the environment. Never logged, journaled or echoed
   * @param requiredApiKey if set, chat requests must carry it as a bearer token, or get 401 invalid_api_key
   * @param clock milliseconds for time windows and the journal (tests move it by hand)
   * @param wallClock the {@code created} timestamps of answers
   * @param models what {@code GET /v1/models} lists (any model name is answered)
   * @param workerThreads threads that read requests and write answers (delays never hold one)
   * @param journalSize how many of the latest requests the journal keeps
   * @param streamChunkDelayMs pause between streamed chunks (0 = send them together)
   */
  public record Options(
      String name,
      String host,
      int port,
      long seed,
      FaultPlan plan,
      URI upstream,
      Supplier<String> apiKey,
      String requiredApiKey,
      LongSupplier clock,
      Clock wallClock,
      List<String> models,
      int workerThreads,
      int journalSize,
      long streamChunkDelayMs) {

    public static final List<String> DEFAULT_MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "gpt-4.1-nano");

    public Options {
      if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
      if (host == null || host.isBlank()) throw new IllegalArgumentException("host must not be blank");
      if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
      if (plan == null) plan = FaultPlan.healthy(seed);
      if (upstream != null) {
        String scheme = upstream.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || upstream.getHost() == null)
          throw new IllegalArgumentException("upstream must be an http(s) URL like https://api.openai.com/v1, was "
              + Quote.text(upstream.toString()));
      }
      if (apiKey == null) apiKey = () -> System.getenv("OPENAI_API_KEY");
      if (clock == null) clock = () -> System.nanoTime() / 1_000_000;
      if (wallClock == null) wallClock = Clock.systemUTC();
      models = models == null || models.isEmpty() ? DEFAULT_MODELS : List.copyOf(models);
      if (workerThreads < 1 || workerThreads > 512)
        throw new IllegalArgumentException("workerThreads must be in [1, 512], was " + workerThreads);
      if (journalSize < 1 || journalSize > 100_000)
        throw new IllegalArgumentException("journalSize must be in [1, 100000], was " + journalSize);
      if (streamChunkDelayMs < 0 || streamChunkDelayMs > 10_000)
        throw new IllegalArgumentException("streamChunkDelayMs must be in [0, 10000], was " + streamChunkDelayMs);
    }

    /** "sim" on 127.0.0.1, any free port, seed 0, healthy, no upstream. */
    public static Options defaults() {
      return new Options("sim", "127.0.0.1", 0, 0, null, null, null, null, null, null, null, 16, 1_000, 0);
    }

    public Options withName(String v) {
      return with(d -> d.name = v);
    }

    public Options withHost(String v) {
      return with(d -> d.host = v);
    }

    public Options withPort(int v) {
      return with(d -> d.port = v);
    }

    public Options withSeed(long v) {
      return with(d -> d.seed = v);
    }

    public Options withPlan(FaultPlan v) {
      return with(d -> d.plan = v);
    }

    public Options withUpstream(URI v) {
      return with(d -> d.upstream = v);
    }

    public Options withApiKey(Supplier<String> v) {
      return with(d -> d.apiKey = v);
    }

    public Options withRequiredApiKey(String v) {
      return with(d -> d.requiredApiKey = v);
    }

    public Options withClock(LongSupplier v) {
      return with(d -> d.clock = v);
    }

    public Options withWallClock(Clock v) {
      return with(d -> d.wallClock = v);
    }

    public Options withModels(List<String> v) {
      return with(d -> d.models = v);
    }

    public Options withWorkerThreads(int v) {
      return with(d -> d.workerThreads = v);
    }

    public Options withJournalSize(int v) {
      return with(d -> d.journalSize = v);
    }

    public Options withStreamChunkDelayMs(long v) {
      return with(d -> d.streamChunkDelayMs = v);
    }

    private Options with(Consumer<OptionsDraft> change) {
      OptionsDraft d = new OptionsDraft(this);
      change.accept(d);
      return d.build();
    }

    /** Never shows the keys. */
    @Override
    public String toString() {
      return "Options[name=" + name + ", host=" + host + ", port=" + port + ", seed=" + seed + ", upstream=" + upstream
          + ", requiredApiKey=" + (requiredApiKey == null ? "none" : "set") + ", models=" + models + "]";
    }
  }
}
