package dev.playground.cli;

import dev.playground.faults.FaultPlan;
import dev.playground.faults.FaultPlanException;
import dev.playground.faults.FaultPlans;
import dev.playground.guard.BoundedRead;
import dev.playground.guard.Names;
import dev.playground.guard.Quote;
import dev.playground.provider.SimulatedProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: runs the simulated provider (or, with {@code --upstream}, the chaos proxy) until Ctrl-C.
 * Prints the base URL alone on stdout once listening; everything else goes to stderr. One per process.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the simulated OpenAI-compatible provider until Ctrl-C.",
      "Prints its base URL (http://127.0.0.1:PORT/v1) on one line once it is listening.",
      "With --upstream it is a chaos proxy: requests the fault plan lets through go to the real provider."
    })
final class ServeCommand implements Callable<Integer> {
  static final int BAD_INPUT = 2;

  @Option(names = "--port", defaultValue = "0", paramLabel = "N",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "H",
      description = "Address to listen on (default: ${DEFAULT-VALUE}). Others need --allow-remote.")
  String host;

  @Option(names = "--allow-remote",
      description = "Allow a --host that other machines can reach (the admin API stays loopback-only).")
  boolean allowRemote;

  @Option(names = "--faults", paramLabel = "plan.json", description = "Fault plan to apply at start (JSON).")
  Path faults;

  @Option(names = "--upstream", paramLabel = "URL",
      description = "Be a chaos proxy in front of this OpenAI-compatible base URL, e.g. https://api.openai.com/v1; "
          + "the key comes from OPENAI_API_KEY.")
  String upstream;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the fault plan's draws (replaces the plan's).")
  Long seed;

  @Option(names = "--name", defaultValue = "sim", paramLabel = "NAME",
      description = "Provider name, shown in thread names (default: ${DEFAULT-VALUE}).")
  String name;

  @Spec CommandSpec spec;

  private final CountDownLatch stop = new CountDownLatch(1);
  private boolean remote;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulatedProvider.Options options;
    try {
      options = options();
    } catch (BadInput e) {
      err.println("serve: " + e.getMessage());
      err.flush();
      return BAD_INPUT;
    }
    SimulatedProvider sim;
    try {
      sim = SimulatedProvider.start(options);
    } catch (UncheckedIOException e) {
      err.println("serve: " + e.getMessage());
      err.flush();
      return 1;
    }
    Thread hook = new Thread(() -> {
      sim.close();
      err.println("serve: stopped");
      err.flush();
      stop.countDown();
    }, "serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);

    out.println(sim.baseUrl());
    out.flush();
    describe(sim, err);
    stop.await();

    sim.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing left to undo
    }
    return 0;
  }

  /** Stops a running {@code serve} as Ctrl-C would (for tests and embedding). */
  void requestStop() {
    stop.countDown();
  }

  private SimulatedProvider.Options options() throws BadInput {
    if (port < 0 || port > 65_535) throw new BadInput("--port must be in [0, 65535], was " + port);
    String badName = Names.problem(name, 40);
    if (badName != null) throw new BadInput("--name " + badName + ", was " + Quote.text(name));
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new BadInput("--host " + Quote.text(host) + " is not an address or a known host name");
    }
    remote = !address.isLoopbackAddress();
    if (remote && !allowRemote)
      throw new BadInput("--host " + host + " can be reached from other machines: anyone who can reach it could use "
          + "the simulated API" + (upstream != null ? " and, through --upstream, your API key's quota" : "")
          + ". Add --allow-remote if that is what you want.");
    FaultPlan plan = FaultPlan.healthy(seed == null ? 0 : seed);
    if (faults != null) plan = readPlan(faults);
    if (seed != null) plan = plan.withSeed(seed);
    URI upstreamUri = null;
    if (upstream != null) {
      try {
        upstreamUri = new URI(upstream);
      } catch (URISyntaxException e) {
        throw new BadInput("--upstream " + Quote.text(upstream) + " is not a URL: " + Quote.message(e.getReason()));
      }
    }
    try {
      return SimulatedProvider.Options.defaults().withName(name).withHost(host).withPort(port)
          .withSeed(seed == null ? plan.seed() : seed).withPlan(plan).withUpstream(upstreamUri);
    } catch (IllegalArgumentException e) {
      throw new BadInput(e.getMessage().startsWith("upstream") ? "--" + e.getMessage() : e.getMessage());
    }
  }

  private static FaultPlan readPlan(Path file) throws BadInput {
    String json;
    String name = Quote.plain(file.toString());
    try {
      // the bound is on the bytes read: a pipe or a device reports a size of 0
      json = BoundedRead.utf8(file, FaultPlans.MAX_PLAN_BYTES);
    } catch (BoundedRead.TooLarge e) {
      throw new BadInput("fault plan " + name + " must be at most " + BoundedRead.size(FaultPlans.MAX_PLAN_BYTES)
          + "; this one is larger");
    } catch (NoSuchFileException e) {
      throw new BadInput("cannot read fault plan " + name + ": no such file");
    } catch (CharacterCodingException e) {
      throw new BadInput("cannot read fault plan " + name + ": not a UTF-8 text file");
    } catch (IOException e) {
      throw new BadInput("cannot read fault plan " + name + ": " + Quote.message(e.getMessage()));
    }
    try {
      return FaultPlans.checkProvider(FaultPlans.parse(json), "");
    } catch (FaultPlanException e) {
      throw new BadInput("bad fault plan " + name + ": " + e.getMessage());
    }
  }

  private void describe(SimulatedProvider sim, PrintWriter err) {
    String root = sim.baseUrl().substring(0, sim.baseUrl().length() - "/v1".length());
    err.println("serve: simulated provider \"" + name + "\" listening on " + host + ":" + sim.port()
        + (sim.faults().isHealthy() ? ", healthy" : ", " + sim.faults().rules().size() + " fault rule(s) in force"));
    if (upstream != null) {
      boolean keySet = System.getenv("OPENAI_API_KEY") != null && !System.getenv("OPENAI_API_KEY").isBlank();
      err.println("serve: chaos proxy in front of " + upstream + "; requests the plan lets through go there with "
          + (keySet ? "the key in OPENAI_API_KEY"
              : "the client's own Authorization header (OPENAI_API_KEY is not set)"));
    }
    if (remote) {
      err.println("serve: WARNING: listening on " + host + ": anyone who can reach this machine on port " + sim.port()
          + " can use the simulated API"
          + (upstream != null ? ", and spend your API key's quota through the proxy" : "")
          + ". The admin API still answers loopback clients only.");
    }
    err.println("serve: admin API (loopback only): " + root + "/__admin/faults and " + root + "/__admin/requests");
    err.println("serve: Ctrl-C stops it.");
    err.flush();
  }

  /** A user error: one message, exit code 2. */
  private static final class BadInput extends Exception {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message, null, false, false);
    }
  }

}
