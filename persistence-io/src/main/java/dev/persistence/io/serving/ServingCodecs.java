package dev.persistence.io.serving;

import dev.persistence.io.memory.MemoryCodecs;
import static dev.persistence.io.document.ValueCodecs.FRACTION;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.longInteger;
import dev.persistence.costing.serving.ImmutableServingDeployment;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.precision.PrecisionCodecs;

/**
 * Codecs of serving inputs ({@code dev.persistence.costing.serving}): workloads and deployments.
 */
public final class ServingCodecs {
  private ServingCodecs() {}

  /** Serving workloads: {@code promptTokens} and {@code outputTokens} per request. */
  public static final Codec<ServingWorkload> SERVING_WORKLOAD =
      ObjectCodec.record(ServingWorkload.class, "servingWorkload")
          .required("promptTokens", longInteger(0))
          .required("outputTokens", longInteger(0))
          .build();

  /**
   * Serving deployments: an {@code architecture}, an {@code accelerator} (a name in {@code catalog} or a full
   * entry), {@code usdPerAcceleratorHour}, and optional {@code tensorParallel} (1), {@code weightFormat} (bf16),
   * {@code cacheFormat} (bf16), {@code computeFormat} (bf16), {@code computeEfficiency} (1), {@code
   * bandwidthEfficiency} (1) and {@code allowance} (assumed-default).
   *
   * @param catalog where accelerator names are looked up
   */
  public static Codec<ServingDeployment> servingDeployment(AcceleratorCatalog catalog) {
    return ObjectCodec.builder(
            ServingDeployment.class,
            "servingDeployment",
            ServingDeployment::builder,
            ImmutableServingDeployment.Builder::build)
        .required("architecture", ArchitectureCodecs.ARCHITECTURE)
        .required("accelerator", HardwareCodecs.namedOrInline(catalog))
        .optional("tensorParallel", integer(1))
        .optional("weightFormat", PrecisionCodecs.WEIGHT_FORMAT)
        .optional("cacheFormat", PrecisionCodecs.NUMERIC_FORMAT)
        .optional("computeFormat", PrecisionCodecs.NUMERIC_FORMAT)
        .optional("computeEfficiency", FRACTION)
        .optional("bandwidthEfficiency", FRACTION)
        .optional("allowance", MemoryCodecs.MEMORY_ALLOWANCE)
        .required("usdPerAcceleratorHour", NON_NEGATIVE_NUMBER)
        .build();
  }
}
