package dev.playground.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.playground.guard.ExactNumbers;
import dev.playground.guard.Quote;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** One component of an event record: its JSON name, how it is written and read. Immutable and thread-safe. */
final class EventField {
  final String name;
  final int position;
  final Kind kind;
  final MethodHandle accessor; // (Object) -> Object
  final WireEnum wireEnum; // for Kind.WIRE_ENUM only

  private EventField(String name, int position, Kind kind, MethodHandle accessor, WireEnum wireEnum) {
    this.name = name;
    this.position = position;
    this.kind = kind;
    this.accessor = accessor;
    this.wireEnum = wireEnum;
  }

  static EventField of(Class<?> recordType, RecordComponent component, int position) {
    Class<?> type = component.getType();
    Kind kind = Kind.of(type, component.getGenericType());
    if (kind == null)
      throw new IllegalStateException(recordType.getSimpleName() + "." + component.getName() + " has type "
          + component.getGenericType().getTypeName() + ", which the run log cannot hold");
    try {
      MethodHandle accessor = MethodHandles.publicLookup().unreflect(component.getAccessor())
          .asType(MethodType.methodType(Object.class, Object.class));
      WireEnum wireEnum = kind == Kind.WIRE_ENUM ? WireEnum.of(type) : null;
      return new EventField(EventCodec.snakeCase(component.getName()), position, kind, accessor, wireEnum);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + recordType.getName() + "." + component.getName(), e);
    }
  }

  void write(RunEvent event, JsonGenerator g, Redaction redaction) throws IOException {
    Object value;
    try {
      value = accessor.invokeExact((Object) event);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot read " + name + " of " + event.getClass().getSimpleName(), e);
    }
    if (value == null) return; // nulls are left out
    switch (kind) {
      case LONG, INT, NULLABLE_LONG, NULLABLE_INT -> {
        g.writeFieldName(name);
        g.writeNumber(((Number) value).longValue());
      }
      case DOUBLE, NULLABLE_DOUBLE -> {
        g.writeFieldName(name);
        double d = (Double) value;
        if (Double.isFinite(d)) g.writeNumber(Numbers.format(d));
        else g.writeString(Numbers.format(d));
      }
      case BOOLEAN -> g.writeBooleanField(name, (Boolean) value);
      case STRING -> g.writeStringField(name, redaction.apply((String) value));
      case WIRE_ENUM -> g.writeStringField(name, wireEnum.name(value));
      case JSON -> {
        g.writeFieldName(name);
        JsonTrees.write((JsonNode) value, g, redaction);
      }
      case STRING_MAP -> {
        @SuppressWarnings("unchecked")
        var map = (Map<String, String>) value;
        if (map.isEmpty()) return;
        g.writeObjectFieldStart(name);
        // sorted: Map.copyOf iterates in an order that changes from one JVM to the next
        for (var e : new TreeMap<>(map).entrySet())
          g.writeStringField(e.getKey(), redaction.apply(e.getValue()));
        g.writeEndObject();
      }
    }
  }

  Object read(String type, JsonNode node) {
    boolean absent = node == null || node.isNull();
    if (absent) {
      if (kind.primitive) throw new IllegalArgumentException(
          type + " needs \"" + name + "\" (" + kind.expected + ")");
      return null;
    }
    switch (kind) {
      case LONG, NULLABLE_LONG -> {
        if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
      }
      case INT, NULLABLE_INT -> {
        if (node.isIntegralNumber() && node.canConvertToInt()) return node.intValue();
      }
      case DOUBLE, NULLABLE_DOUBLE -> {
        if (node.isNumber()) {
          Double d = ExactNumbers.real(node); // 1e-400 would be read as 0, 1e400 as infinity: both refused
          if (d != null) return d;
          throw new IllegalArgumentException(type + "." + name + " must be " + ExactNumbers.REAL_RULE + ", was "
              + JsonTrees.shortText(node));
        }
        if (node.isTextual()) {
          switch (node.textValue()) {
            case "NaN": return Double.NaN;
            case "Infinity": return Double.POSITIVE_INFINITY;
            case "-Infinity": return Double.NEGATIVE_INFINITY;
            default: break;
          }
        }
      }
      case BOOLEAN -> {
        if (node.isBoolean()) return node.booleanValue();
      }
      case STRING -> {
        if (node.isTextual()) return node.textValue();
      }
      case WIRE_ENUM -> {
        if (node.isTextual()) {
          try {
            return wireEnum.fromName(node.textValue());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type + "." + name + ": " + e.getMessage(), e);
          }
        }
      }
      case JSON -> {
        return JsonTrees.withDoubles(node);
      }
      case STRING_MAP -> {
        if (node.isObject()) {
          var map = new LinkedHashMap<String, String>();
          for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) throw new IllegalArgumentException(type + "." + name + "."
                + Quote.plain(e.getKey()) + " must be a string, was " + JsonTrees.shortText(e.getValue()));
            map.put(e.getKey(), e.getValue().textValue());
          }
          return map;
        }
      }
    }
    throw new IllegalArgumentException(
        type + "." + name + " must be " + kind.expected + ", was " + JsonTrees.shortText(node));
  }

  private enum Kind {
    LONG(true, "a whole number"),
    INT(true, "a whole number (32-bit)"),
    DOUBLE(true, "a number"),
    BOOLEAN(true, "true or false"),
    NULLABLE_LONG(false, "a whole number"),
    NULLABLE_INT(false, "a whole number (32-bit)"),
    NULLABLE_DOUBLE(false, "a number"),
    STRING(false, "a string"),
    WIRE_ENUM(false, "a string"),
    JSON(false, "any JSON value"),
    STRING_MAP(false, "an object of strings");

    final boolean primitive;
    final String expected;

    Kind(boolean primitive, String expected) {
      this.primitive = primitive;
      this.expected = expected;
    }

    static Kind of(Class<?> type, Type generic) {
      if (type == long.class) return LONG;
      if (type == int.class) return INT;
      if (type == double.class) return DOUBLE;
      if (type == boolean.class) return BOOLEAN;
      if (type == Long.class) return NULLABLE_LONG;
      if (type == Integer.class) return NULLABLE_INT;
      if (type == Double.class) return NULLABLE_DOUBLE;
      if (type == String.class) return STRING;
      if (type.isEnum()) return WIRE_ENUM;
      if (type == JsonNode.class) return JSON;
      if (type == Map.class && generic instanceof ParameterizedType p
          && Arrays.equals(p.getActualTypeArguments(), new Type[] {String.class, String.class}))
        return STRING_MAP;
      return null;
    }
  }

  /** An enum written by its {@code wireName()} and read by its static {@code fromWireName(String)}. */
  private record WireEnum(MethodHandle wireName, MethodHandle fromWireName) {
    static WireEnum of(Class<?> type) throws ReflectiveOperationException {
      var lookup = MethodHandles.publicLookup();
      return new WireEnum(
          lookup.findVirtual(type, "wireName", MethodType.methodType(String.class))
              .asType(MethodType.methodType(String.class, Object.class)),
          lookup.findStatic(type, "fromWireName", MethodType.methodType(type, String.class))
              .asType(MethodType.methodType(Object.class, String.class)));
    }

    String name(Object constant) {
      try {
        return (String) wireName.invokeExact(constant);
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }

    Object fromName(String name) {
      try {
        return fromWireName.invokeExact(name);
      } catch (RuntimeException e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
