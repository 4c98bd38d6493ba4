package dev.persistence.io.regulation;

import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.ImmutableComputeThreshold;
import dev.persistence.costing.regulation.ThresholdStatus;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;

/**
 * Codecs of regulation inputs ({@code dev.persistence.costing.regulation}): compute thresholds.
 */
public final class RegulationCodecs {
  private RegulationCodecs() {}

  /**
   * Compute thresholds: {@code id name trainingFlops whatCounts source date} (ISO {@code 2024-06-13}), {@code
   * status} ({@code in-force} or {@code historical}) and {@code note}.
   */
  public static final Codec<ComputeThreshold> COMPUTE_THRESHOLD =
      ObjectCodec.builder(
              ComputeThreshold.class,
              "computeThreshold",
              ComputeThreshold::builder,
              ImmutableComputeThreshold.Builder::build)
          .required("id", NAME)
          .required("name", NAME)
          .required("trainingFlops", POSITIVE_NUMBER)
          .required("whatCounts", NAME)
          .required("source", NAME)
          .required("date", ValueCodecs.DATE)
          .required("status", enumeration(ThresholdStatus.class))
          .optional("note", TEXT)
          .build();
}
