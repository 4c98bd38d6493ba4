package dev.persistence.io.law;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.ScalingLaw;
import java.util.List;
import java.util.OptionalDouble;

/** Scaling laws and their predictions as JSON documents: what {@code laws --json} and {@code loss --json} print. */
public final class LawJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LawJson() {}

  /**
   * The laws listed: {@code laws}, each its {@code name}, {@code description} and {@code source}.
   *
   * @param laws the laws, in order
   */
  public static ObjectNode laws(List<? extends ScalingLaw> laws) {
    ObjectNode out = NODES.objectNode();
    ArrayNode entries = out.putArray("laws");
    for (ScalingLaw law : laws) {
      ObjectNode entry = entries.addObject();
      entry.put("name", law.name());
      entry.put("description", law.description());
      entry.put("source", law.source());
    }
    return out;
  }

  /**
   * One predicted loss: the {@code law}'s name, {@code params}, {@code tokens}, {@code uniqueTokens} when given,
   * and the {@code loss} in nats per token.
   *
   * @param law the law
   * @param parameters model parameters
   * @param tokens training tokens
   * @param uniqueTokens unique tokens available; empty when not given
   * @param loss the law's prediction
   */
  public static ObjectNode loss(
      LossLaw law, double parameters, double tokens, OptionalDouble uniqueTokens, double loss) {
    ObjectNode out = NODES.objectNode();
    out.put("law", law.name());
    out.put("params", parameters);
    out.put("tokens", tokens);
    uniqueTokens.ifPresent(unique -> out.put("uniqueTokens", unique));
    out.put("loss", loss);
    return out;
  }
}
