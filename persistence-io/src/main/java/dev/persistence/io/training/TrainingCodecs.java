package dev.persistence.io.training;

import static dev.persistence.io.document.ValueCodecs.FRACTION;
import static dev.persistence.io.document.ValueCodecs.INTEGER;
import static dev.persistence.io.document.ValueCodecs.NAME;
import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.TEXT;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import static dev.persistence.io.document.ValueCodecs.list;
import static dev.persistence.io.document.ValueCodecs.longInteger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.energy.CarbonAccounting;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.PricingTerm;
import dev.persistence.costing.plan.ImmutablePlannedPhase;
import dev.persistence.costing.plan.OwnedEconomics;
import dev.persistence.costing.plan.PlannedPhase;
import dev.persistence.costing.plan.ServingPlan;
import dev.persistence.costing.plan.Target;
import dev.persistence.costing.plan.TargetMetric;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.training.Goodput;
import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.LogNormal;
import dev.persistence.costing.uncertainty.LogUniform;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Scenarios;
import dev.persistence.costing.uncertainty.Triangular;
import dev.persistence.costing.uncertainty.Uniform;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.EnumNames;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.document.Suggestions;
import dev.persistence.io.document.ValueCodecs;
import dev.persistence.io.posttraining.PostTrainingCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import dev.persistence.io.document.ValueCodecs;

/**
 * Codecs of training-run inputs ({@code dev.persistence.costing.training}): goodput, a preset's name or {@code
 * {fraction, source}}.
 */
public final class TrainingCodecs {
  private TrainingCodecs() {}

  private static final Map<String, Goodput> GOODPUT_PRESETS =
      Map.of("llama-3-405b", Goodput.LLAMA_3_405B, "none", Goodput.NONE);

  /** Goodput: {@code llama-3-405b} (the default's source), {@code none}, or {@code {fraction, source}}. */
  public static final Codec<Goodput> GOODPUT =
      ValueCodecs.namedOrObject(
          "goodput",
          () -> List.of("llama-3-405b", "none"),
          "a goodput preset's name",
          name -> {
            Goodput preset = GOODPUT_PRESETS.get(name);
            if (preset == null) {
              throw new IllegalArgumentException(
                  "unknown goodput \"" + name + "\"; expected llama-3-405b, none or {fraction, source}");
            }
            return preset;
          },
          goodput ->
              goodput.equals(Goodput.LLAMA_3_405B)
                  ? Optional.of("llama-3-405b")
                  : goodput.equals(Goodput.NONE) ? Optional.of("none") : Optional.empty(),
          ObjectCodec.components(
                  Goodput.class,
                  "goodputObject",
                  (Values v) -> Goodput.of(v.<Double>get("fraction"), v.get("source")))
              .required("fraction", ValueCodecs.POSITIVE_FRACTION, Goodput::fraction)
              .required("source", NAME, Goodput::source)
              .build());
}
