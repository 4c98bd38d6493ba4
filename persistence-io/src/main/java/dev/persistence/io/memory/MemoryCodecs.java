package dev.persistence.io.memory;

import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;
import java.util.LinkedHashMap;
import java.util.Map;

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
      ValueCodecs.presetOrObject(
          "memoryAllowance",
          "allowance",
          "none, or assumed-default (MemoryAllowance.ASSUMED_DEFAULT)",
          () -> {
            Map<String, MemoryAllowance> presets = new LinkedHashMap<>();
            presets.put("none", MemoryAllowance.NONE);
            presets.put("assumed-default", MemoryAllowance.ASSUMED_DEFAULT);
            return presets;
          },
          ObjectCodec.record(MemoryAllowance.class, "memoryAllowanceObject")
              .required("fixedBytes", ValueCodecs.longInteger(0))
              .required("fragmentationFraction", ValueCodecs.NON_NEGATIVE_NUMBER)
              .describedAs("in [0, 1)")
              .optional("description", ValueCodecs.TEXT)
              .byDefault("")
              .build());
}
