package dev.playground.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.playground.clock.Seeds;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Events for tests: one of every type built by reflection, and a small realistic run. */
final class SampleEvents {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SampleEvents() {}

  /** Every record type of the sealed hierarchy, found by reflection so that a new type is never forgotten. */
  static List<Class<?>> allTypes() {
    var out = new ArrayList<Class<?>>();
    collect(RunEvent.class, out);
    return out;
  }

  private static void collect(Class<?> sealed, List<Class<?>> out) {
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isRecord()) out.add(sub);
      else collect(sub, out);
    }
  }

  /**
   * An instance of {@code type} with a value in every component, varied by {@code variant}; with
   * {@code withNulls}, every reference component that may be null is null.
   */
  static RunEvent sample(Class<?> type, int variant, boolean withNulls) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = value(components[i], variant, i, withNulls);
    }
    try {
      return (RunEvent) type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object value(RecordComponent c, int variant, int index, boolean withNulls) {
    Class<?> t = c.getType();
    long r = Seeds.mix(variant, index);
    if (c.getName().equals("seq")) return (long) variant;
    if (c.getName().equals("tMs")) return variant * 10L;
    if (t == long.class) return Math.floorMod(r, 1_000_000L);
    if (t == int.class) return (int) Math.floorMod(r, 1000);
    if (t == double.class) return variant % 2 == 0 ? Math.floorMod(r, 5000) / 8.0 : Seeds.unit(variant, index) * 900;
    if (t == boolean.class) return (r & 1) == 0;
    if (withNulls && !t.isPrimitive()) return null;
    if (t == Long.class) return Math.floorMod(r, 100_000L);
    if (t == Integer.class) return (int) Math.floorMod(r, 600);
    if (t == Double.class) return Seeds.unit(variant, index) * 10;
    if (t == String.class) return c.getName() + " \"" + variant + "\", ünïcode\nline two";
    if (t.isEnum()) {
      Object[] constants = t.getEnumConstants();
      return constants[(int) Math.floorMod(r, constants.length)];
    }
    if (t == JsonNode.class) return json("{\"name\":\"x" + variant + "\",\"n\":" + index
        + ",\"rate\":0.25,\"big\":12345678901,\"list\":[1,2.5,\"three\",null,true],\"nested\":{\"a\":{}}}");
    if (t == Map.class && c.getGenericType() instanceof ParameterizedType) {
      var map = new LinkedHashMap<String, String>();
      map.put("x-request-id", "req_" + variant);
      map.put("retry-after", String.valueOf(variant));
      map.put("content-type", "application/json");
      return map;
    }
    throw new IllegalStateException("no sample value for " + c.getGenericType().getTypeName() + " "
        + c.getName() + ": teach SampleEvents (and the run log) this type");
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * A short run with every kind of event: a request answered after a 429 and a retry, a request that falls back
   * after the first model's breaker opens, and one answered from the cache.
   */
  static List<RunEvent> exampleRun() {
    var e = new ArrayList<RunEvent>();
    long[] s = {0};
    LongSupplier seq = () -> s[0]++;
    e.add(new RunEvent.RunStarted(seq.getAsLong(), 0, 42, "rate-limit-storm", "virtual",
        json("{\"chain\":[{\"provider\":\"sim\",\"model\":\"gpt-4o-mini\"}],\"retry\":{\"max_attempts\":3,\"delay_ms\":200}}"),
        json("{\"sim\":{\"seed\":42,\"rules\":[{\"kind\":\"rate_limit\",\"probability\":0.5,\"retry_after_ms\":1000}]}}")));
    e.add(new RunEvent.RequestStarted(seq.getAsLong(), 0, 1, "What is a circuit breaker?"));
    e.add(new RunEvent.AttemptStarted(seq.getAsLong(), 0, 1, 1, 1, "sim", "gpt-4o-mini", Rung.FULL));
    e.add(new RunEvent.AttemptFinished(seq.getAsLong(), 12, 1, 1, 1, "sim", "gpt-4o-mini", Rung.FULL,
        "rate_limited", 429, 12.5, 1000L, "req_0001", "Rate limit reached", Map.of("retry-after", "1")));
    e.add(new RunEvent.RetryScheduled(seq.getAsLong(), 12, 1, 1, "sim", "gpt-4o-mini", 1000,
        RetryReason.RETRY_AFTER, 1000L));
    e.add(new RunEvent.AttemptStarted(seq.getAsLong(), 1012, 1, 2, 2, "sim", "gpt-4o-mini", Rung.FULL));
    e.add(new RunEvent.AttemptFinished(seq.getAsLong(), 1052, 1, 2, 2, "sim", "gpt-4o-mini", Rung.FULL,
        "ok", 200, 40, null, "req_0002", null, Map.of()));
    e.add(new RunEvent.RequestFinished(seq.getAsLong(), 1052, 1, Rung.FULL, "sim", "gpt-4o-mini", "ok", 1052, 2,
        "A circuit breaker stops calls to a failing service."));
    e.add(new RunEvent.RequestStarted(seq.getAsLong(), 1100, 2, "And a fallback?"));
    e.add(new RunEvent.AttemptStarted(seq.getAsLong(), 1100, 2, 1, 1, "sim", "gpt-4o-mini", Rung.FULL));
    e.add(new RunEvent.AttemptFinished(seq.getAsLong(), 1130, 2, 1, 1, "sim", "gpt-4o-mini", Rung.FULL,
        "server_error", 503, 30, null, "req_0003", "503 Service Unavailable", Map.of()));
    e.add(new RunEvent.BreakerChanged(seq.getAsLong(), 1130, "sim/gpt-4o-mini", BreakerState.CLOSED,
        BreakerState.OPEN, 0.5, false));
    e.add(new RunEvent.FallbackUsed(seq.getAsLong(), 1130, 2, "sim/gpt-4o-mini", "sim/gpt-4o", "breaker open"));
    e.add(new RunEvent.AttemptStarted(seq.getAsLong(), 1130, 2, 2, 1, "sim", "gpt-4o", Rung.FULL));
    e.add(new RunEvent.AttemptFinished(seq.getAsLong(), 1210, 2, 2, 1, "sim", "gpt-4o", Rung.FULL,
        "ok", 200, 80.25, null, "req_0004", null, Map.of()));
    e.add(new RunEvent.RequestFinished(seq.getAsLong(), 1210, 2, Rung.FULL, "sim", "gpt-4o", "ok", 110.25, 2,
        "A fallback answers when the first choice cannot."));
    e.add(new RunEvent.FaultsChanged(seq.getAsLong(), 1300, "sim", json("{\"rules\":[{\"fault\":\"outage\"}]}")));
    e.add(new RunEvent.RequestStarted(seq.getAsLong(), 1400, 3, "What is a circuit breaker?"));
    e.add(new RunEvent.BreakerRejected(seq.getAsLong(), 1400, 3, "sim/gpt-4o-mini"));
    e.add(new RunEvent.Throttled(seq.getAsLong(), 1400, 3, "bulkhead", 0, false));
    e.add(new RunEvent.AttemptStarted(seq.getAsLong(), 1400, 3, 1, 1, "sim", "gpt-4o", Rung.FULL));
    e.add(new RunEvent.AttemptFinished(seq.getAsLong(), 1401, 3, 1, 1, "sim", "gpt-4o", Rung.FULL,
        "network", null, 1.5, null, null, "connection reset", Map.of()));
    e.add(new RunEvent.RungFailed(seq.getAsLong(), 1401, 3, Rung.FULL, "every model failed"));
    e.add(new RunEvent.CacheHit(seq.getAsLong(), 1401, 3, "fallback", 349));
    e.add(new RunEvent.RequestFinished(seq.getAsLong(), 1401, 3, Rung.CACHED, null, null, "ok", 1, 1,
        "A circuit breaker stops calls to a failing service."));
    e.add(new RunEvent.BreakerChanged(seq.getAsLong(), 1630, "sim/gpt-4o-mini", BreakerState.OPEN,
        BreakerState.HALF_OPEN, 0.5, false));
    long last = seq.getAsLong();
    e.add(new RunEvent.RunFinished(last, 1700, RunSummary.of(e).toJson()));
    return List.copyOf(e);
  }
}
