package dev.persistence.io.allocation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.law.LossLaw;

/** An {@link Allocation} as one JSON document: the object {@code persistence optimal --json} prints. */
public final class AllocationJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AllocationJson() {}

  /**
   * The allocation as a JSON tree: the {@code law}'s name, {@code params}, {@code tokens}, {@code compute}
   * (training FLOPs), {@code totalCompute} (with inference), {@code tokensPerParameter}, {@code loss} and the
   * {@code bindingConstraint} (camelCase).
   *
   * @param law the law allocated under
   * @param allocation its allocation
   */
  public static ObjectNode toJson(LossLaw law, Allocation allocation) {
    ObjectNode out = NODES.objectNode();
    out.put("law", law.name());
    out.put("params", allocation.parameters());
    out.put("tokens", allocation.tokens());
    out.put("compute", allocation.trainingFlops());
    out.put("totalCompute", allocation.totalFlops());
    out.put("tokensPerParameter", allocation.tokensPerParameter());
    out.put("loss", allocation.loss());
    out.put("bindingConstraint", EnumNames.camelCase(allocation.bindingConstraint()));
    return out;
  }
}
