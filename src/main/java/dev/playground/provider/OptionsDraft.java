package dev.playground.provider;

import dev.playground.faults.FaultPlan;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** {@link SimulatedProvider.Options} being changed by a {@code with*} method; validated when built. Not thread-safe. */
final class OptionsDraft {
  String name;
  String host;
  int port;
  long seed;
  FaultPlan plan;
  URI upstream;
  Supplier<String> apiKey;
  String requiredApiKey;
  LongSupplier clock;
  Clock wallClock;
  List<String> models;
  int workerThreads;
  int journalSize;
  long streamChunkDelayMs;

  OptionsDraft(SimulatedProvider.Options o) {
    name = o.name();
    host = o.host();
    port = o.port();
    seed = o.seed();
    plan = o.plan();
    upstream = o.upstream();
    apiKey = o.apiKey();
    requiredApiKey = o.requiredApiKey();
    clock = o.clock();
    wallClock = o.wallClock();
    models = o.models();
    workerThreads = o.workerThreads();
    journalSize = o.journalSize();
    streamChunkDelayMs = o.streamChunkDelayMs();
  }

  SimulatedProvider.Options build() {
    return new SimulatedProvider.Options(name, host, port, seed, plan, upstream, apiKey, requiredApiKey, clock,
        wallClock, models, workerThreads, journalSize, streamChunkDelayMs);
  }
}
