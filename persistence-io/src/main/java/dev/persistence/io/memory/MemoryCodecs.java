package dev.persistence.io.memory;

import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.util.List;
import java.util.Optional;

/**
 * Codecs of memory allowances ({@code dev.persistence.core.memory}): {@code fixedBytes}, {@code fragmentationFraction}
 * in [0, 1) and a {@code description}, or the name {@code none} or {@code assumed-default}.
 */
public final class MemoryCodecs {
  private MemoryCodecs() {}

  /**
   * Memory allowances: {@code fixedBytes}, {@code fragmentationFraction} in [0, 1) and a {@code description};
   * or the name {@code none} or {@code assumed-default}.
   */
  public static final Codec<MemoryAllowance> MEMORY_ALLOWANCE =
      ValueCodecs.namedOrObject(
          "memoryAllowance",
          () -> List.of("none", "assumed-default"),
          "none, or assumed-default (MemoryAllowance.ASSUMED_DEFAULT)",
          MemoryCodecs::namedAllowance,
          allowance ->
              allowance.equals(MemoryAllowance.NONE)
                  ? Optional.of("none")
                  : allowance.equals(MemoryAllowance.ASSUMED_DEFAULT) ? Optional.of("assumed-default") : Optional.empty(),
          ObjectCodec.components(
                  MemoryAllowance.class,
                  "memoryAllowanceObject",
                  v -> new MemoryAllowance(v.<Long>get("fixedBytes"), v.<Double>get("fragmentationFraction"), v.get("description", "")))
              .required("fixedBytes", ValueCodecs.longInteger(0))
              .required("fragmentationFraction", ValueCodecs.NON_NEGATIVE_NUMBER)
              .describedAs("in [0, 1)")
              .optional("description", ValueCodecs.TEXT)
              .build());

  private static MemoryAllowance namedAllowance(String name) {
    switch (name) {
      case "none":
        return MemoryAllowance.NONE;
      case "assumed-default":
        return MemoryAllowance.ASSUMED_DEFAULT;
      default:
        throw new IllegalArgumentException(
            "unknown allowance \"" + name + "\"; expected none, assumed-default or an object");
    }
  }
}
