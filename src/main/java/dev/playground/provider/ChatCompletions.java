package dev.playground.provider;

import com.sun.net.httpserver.HttpExchange;
import dev.playground.clock.Seeds;
import dev.playground.faults.FaultDecision;
import dev.playground.faults.FaultKind;
import dev.playground.faults.Target;
import dev.playground.guard.Quote;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /v1/chat/completions}: checks the key (if one is required) and the body, decides the fault,
 * journals the request and hands it to a {@link Reply}. Thread-safe.
 */
final class ChatCompletions {
  static final String FAULT_HEADER = "X-Playground-Fault";
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final SimulatedProvider provider;
  private final ChaosProxy proxy;
  private final String fingerprint;
  private final AtomicLong others = new AtomicLong();

  ChatCompletions(SimulatedProvider provider, ChaosProxy proxy) {
    this.provider = provider;
    this.proxy = proxy;
    long seed = provider.options().seed();
    this.fingerprint = "fp_" + Long.toHexString(Seeds.mix(seed, Seeds.of(provider.name()))).substring(0, 10);
  }

  void handle(HttpExchange exchange) throws IOException {
    Exchanges.prepare(exchange);
    byte[] body = Exchanges.readBody(exchange, MAX_BODY);
    Journal journal = provider.journalRing();
    long n = journal.arrived();
    long tMs = provider.sinceStartMs();
    String requestId = requestId(n);
    var request = new Request(n, tMs, requestId);

    String required = provider.options().requiredApiKey();
    if (required != null && !("Bearer " + required).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      ChatCall call = ChatCall.lenient(body);
      request.journal(journal, call.model(), FaultKind.UNAUTHORIZED, 401, call.stream(), -1, false, false);
      Exchanges.sendJson(exchange, 401, request.headers(null), FaultErrors.unauthorized(""));
      return;
    }
    String forcedName = exchange.getRequestHeaders().getFirst(FAULT_HEADER);
    FaultKind forced = forcedName == null ? null : FaultKind.fromWireName(forcedName).orElse(null);
    if (forcedName != null && forced == null) {
      ChatCall call = ChatCall.lenient(body);
      request.journal(journal, call.model(), FaultKind.BAD_REQUEST, 400, call.stream(), -1, false, false);
      Exchanges.sendJson(exchange, 400, request.headers(null), FaultErrors.invalidRequest(FAULT_HEADER + " "
          + Quote.text(forcedName) + " is not a fault kind; use one of " + FaultKind.allowedNames(), null,
          "unknown_fault_kind"));
      return;
    }
    ChatCall call = proxy != null ? ChatCall.lenient(body) : ChatCall.parse(body);
    if (!call.valid()) {
      request.journal(journal, call.model(), FaultKind.BAD_REQUEST, 400, call.stream(), -1, false, false);
      Exchanges.sendJson(exchange, 400, request.headers(null), call.problem());
      return;
    }
    FaultDecision decision = forced != null
        ? provider.injector().force(forced, call.model(), Target.CHAT)
        : provider.injector().decide(call.model(), Target.CHAT);
    var ids = new Wire.Ids(completionId(n), provider.options().wallClock().instant().getEpochSecond(), call.model(),
        fingerprint);
    new Reply(provider, proxy, exchange, call, body, decision, request, ids, forced != null).start();
  }

  /** The headers of answers to other API paths (models, unknown URLs): a request id of their own series. */
  Map<String, String> otherHeaders() {
    return new Request(-1, 0, requestId(Long.MIN_VALUE + others.getAndIncrement())).headers(null);
  }

  /** {@code req_} and 32 hex digits, like OpenAI's; deterministic for the seed, provider and number. */
  private String requestId(long n) {
    long seed = provider.options().seed();
    long name = Seeds.of(provider.name());
    return "req_" + hex(Seeds.mix(seed, name, n)) + hex(Seeds.mix(seed, name, n, 1));
  }

  private String completionId(long n) {
    long seed = provider.options().seed();
    return "chatcmpl-" + Long.toString(Seeds.mix(seed, Seeds.of(provider.name()), n, 2) >>> 1, 36)
        + Long.toString(Seeds.mix(seed, n, 3) >>> 1, 36);
  }

  private static String hex(long v) {
    String h = Long.toHexString(v);
    return "0".repeat(16 - h.length()) + h;
  }

  /** One request's identity: its number, arrival time and request id. */
  record Request(long n, long tMs, String requestId) {
    void journal(Journal journal, String model, FaultKind fault, int status, boolean stream, int rule, boolean forced,
        boolean forwarded) {
      journal.add(new JournalEntry(n, tMs, model, fault, status, stream, rule, forced, forwarded, requestId));
    }

    /** The headers every answer carries; with a decision, also which fault it was. */
    Map<String, String> headers(FaultDecision d) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put("x-request-id", requestId);
      h.put("openai-version", "2020-10-01");
      if (d != null) {
        h.put("openai-processing-ms", Long.toString(d.latencyMs()));
        h.put("x-playground-fault", d.kind().wireName());
        if (d.rule() >= 0) h.put("x-playground-rule", Integer.toString(d.rule()));
      }
      return h;
    }
  }
}
