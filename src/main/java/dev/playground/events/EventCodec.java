package dev.playground.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of one {@link RunEvent} record type, derived from its components: {@code seq}, {@code t_ms},
 * {@code type}, {@code req} (if any), then the other components in declaration order, snake_case. Derived rather
 * than hand-written so that a new event type is logged the moment it exists; a component of a type the log
 * cannot hold fails at class initialisation. Immutable and thread-safe.
 */
final class EventCodec {
  /** Every codec by its {@code type}, in alphabetical order. */
  static final Map<String, EventCodec> BY_TYPE;

  private static final Map<Class<?>, EventCodec> BY_CLASS;

  static {
    var byType = new TreeMap<String, EventCodec>();
    var byClass = new LinkedHashMap<Class<?>, EventCodec>();
    for (Class<?> type : recordTypes(RunEvent.class)) {
      EventCodec codec = new EventCodec(type.asSubclass(RunEvent.class));
      byType.put(codec.type, codec);
      byClass.put(type, codec);
    }
    BY_TYPE = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    BY_CLASS = Collections.unmodifiableMap(byClass);
  }

  final String type;
  private final EventField[] fields; // in the order they are written
  private final Map<String, EventField> byName;
  private final MethodHandle constructor; // (Object[]) -> Object, arguments in component order

  private EventCodec(Class<? extends RunEvent> recordType) {
    this.type = snakeCase(recordType.getSimpleName());
    RecordComponent[] components = recordType.getRecordComponents();
    var ordered = new ArrayList<EventField>();
    EventField req = null;
    for (int i = 0; i < components.length; i++) {
      EventField f = EventField.of(recordType, components[i], i);
      if (f.name.equals("req")) req = f;
      else ordered.add(f);
    }
    // seq and t_ms lead every record; req goes right after type
    if (req != null) ordered.add(2, req);
    this.fields = ordered.toArray(EventField[]::new);
    this.byName = new LinkedHashMap<>();
    for (EventField f : fields) byName.put(f.name, f);
    if (!byName.containsKey("seq") || !byName.containsKey("t_ms"))
      throw new IllegalStateException(recordType.getName() + " must have seq and tMs components");
    Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      this.constructor = MethodHandles.publicLookup()
          .findConstructor(recordType, MethodType.methodType(void.class, parameterTypes))
          .asSpreader(Object[].class, components.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no canonical constructor for " + recordType.getName(), e);
    }
  }

  static EventCodec of(RunEvent event) {
    EventCodec codec = BY_CLASS.get(event.getClass());
    if (codec == null) throw new IllegalStateException("no codec for " + event.getClass().getName());
    return codec;
  }

  void write(RunEvent event, JsonGenerator g, Redaction redaction) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < fields.length; i++) {
      if (i == 2) g.writeStringField("type", type);
      fields[i].write(event, g, redaction);
    }
    if (fields.length == 2) g.writeStringField("type", type);
    g.writeEndObject();
  }

  /** The record for {@code node}; an {@link IllegalArgumentException} that names the field if it does not fit. */
  RunEvent read(ObjectNode node) {
    for (var names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("type") && !byName.containsKey(name))
        throw new IllegalArgumentException(
            type + " has no field \"" + name + "\" (its fields: " + String.join(", ", byName.keySet()) + ")");
    }
    Object[] arguments = new Object[fields.length];
    for (EventField f : fields) arguments[f.position] = f.read(type, node.get(f.name));
    try {
      Object event = constructor.invokeExact(arguments);
      return (RunEvent) event;
    } catch (RuntimeException e) { // the record's own validation
      throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot build " + type, e);
    }
  }

  static String snakeCase(String camel) {
    var out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) out.append('_');
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<Class<?>> recordTypes(Class<?> sealed) {
    var out = new ArrayList<Class<?>>();
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      if (sub.isRecord()) out.add(sub);
      else if (sub.isSealed()) out.addAll(recordTypes(sub));
      else throw new IllegalStateException(sub.getName() + " is neither a record nor sealed");
    }
    return out;
  }
}
