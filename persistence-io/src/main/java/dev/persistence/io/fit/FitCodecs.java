package dev.persistence.io.fit;

import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.scaling.fit.Observation;

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
