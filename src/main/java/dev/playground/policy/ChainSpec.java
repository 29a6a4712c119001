package dev.playground.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fallback chain: the models to try, in order; the next one is tried when the previous one's policies
 * gave up. Each model has its own circuit breaker. Immutable and thread-safe.
 * JSON: a list, {@code [{"provider": "openai", "model": "gpt-4o"}, {"provider": "openai", "model": "gpt-4o-mini"}]}.
 */
public record ChainSpec(List<ModelRef> models) {
  public static final int MAX_MODELS = 10;

  public ChainSpec {
    Checks.notNull("chain", models);
    if (models.isEmpty()) throw Checks.fail("chain must name at least one model");
    if (models.size() > MAX_MODELS)
      throw Checks.fail("chain must name at most " + MAX_MODELS + " models, was " + models.size());
    for (int i = 0; i < models.size(); i++) {
      if (models.get(i) == null) throw Checks.fail("chain[" + i + "] must be set");
      int first = models.indexOf(models.get(i));
      if (first < i)
        throw Checks.fail("chain[" + i + "] repeats chain[" + first + "] (" + models.get(i).key() + ")");
    }
    models = List.copyOf(models);
  }

  public static ChainSpec of(ModelRef... models) {
    return new ChainSpec(List.of(models));
  }

  public int size() {
    return models.size();
  }

  public ModelRef model(int index) {
    return models.get(index);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ChainSpec fromJson(JsonNode node) {
    return read(node, "");
  }

  static ChainSpec read(JsonNode node, String path) {
    String where = path.isEmpty() ? "chain" : path;
    if (node == null || !node.isArray())
      throw Checks.fail(where + " must be a list of {provider, model}, was " + JsonFields.describe(node));
    List<ModelRef> models = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String at = where + "[" + i + "]";
      var f = JsonFields.of(node.get(i), at, "provider", "model");
      String provider = f.text("provider", null);
      String model = f.text("model", null);
      models.add(JsonFields.build(at, () -> new ModelRef(provider, model)));
    }
    return new ChainSpec(models); // its messages already name chain[i]
  }

  @JsonValue
  ArrayNode toJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (ModelRef m : models) {
      ObjectNode o = a.addObject();
      o.put("provider", m.provider());
      o.put("model", m.model());
    }
    return a;
  }
}
