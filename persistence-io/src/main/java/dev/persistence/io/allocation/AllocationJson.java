package dev.persistence.io.allocation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.law.LossLaw;

/** An {@link Allocation} as one JSON document: the object {@code persistence optimal --json} prints. */
public final class AllocationJson {
  private AllocationJson() {}

  private record Allocated(LossLaw law, Allocation allocation) {}

  private static final ResultDocument<Allocated> ALLOCATION =
      ResultDocument.of(Allocated.class)
          .field("law", a -> a.law().name())
          .field("params", a -> a.allocation().parameters())
          .field("tokens", a -> a.allocation().tokens())
          .field("compute", a -> a.allocation().trainingFlops())
          .field("totalCompute", a -> a.allocation().totalFlops())
          .field("tokensPerParameter", a -> a.allocation().tokensPerParameter())
          .field("loss", a -> a.allocation().loss())
          .field("bindingConstraint", a -> EnumNames.camelCase(a.allocation().bindingConstraint()))
          .build();

  /**
   * The allocation as a JSON tree: the {@code law}'s name, {@code params}, {@code tokens}, {@code compute}
   * (training FLOPs), {@code totalCompute} (with inference), {@code tokensPerParameter}, {@code loss} and the
   * {@code bindingConstraint} (camelCase).
   *
   * @param law the law allocated under
   * @param allocation its allocation
   */
  public static ObjectNode toJson(LossLaw law, Allocation allocation) {
    return ALLOCATION.write(new Allocated(law, allocation));
  }
}
