package dev.persistence.io.fit;

import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.TypedUnion;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.allocation.BindingConstraint;
import dev.persistence.scaling.allocation.ImmutableAllocation;
import dev.persistence.scaling.allocation.ImmutableAllocationProblem;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.DeepSeekLaw;
import dev.persistence.scaling.law.FineGrainedMoeLaw;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.PowerLawAllocation;
import dev.persistence.scaling.law.PrecisionScalingLaw;
import dev.persistence.scaling.law.RoutedMoeLaw;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Codecs of fit observations ({@code dev.persistence.scaling.fit}): the parameters, tokens and final loss of
 * one training run.
 */
public final class FitCodecs {
  private FitCodecs() {}

  /** Fit observations: {@code parameters}, {@code tokens} and the final {@code loss} of one training run. */
  public static final Codec<Observation> OBSERVATION =
      ObjectCodec.components(
              Observation.class,
              "observation",
              v -> new Observation(v.<Double>get("parameters"), v.<Double>get("tokens"), v.<Double>get("loss")))
          .required("parameters", POSITIVE_NUMBER)
          .required("tokens", POSITIVE_NUMBER)
          .required("loss", POSITIVE_NUMBER)
          .build();
}
