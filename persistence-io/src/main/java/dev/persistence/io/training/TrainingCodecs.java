package dev.persistence.io.training;

import static dev.persistence.io.document.ValueCodecs.NAME;
import dev.persistence.costing.training.Goodput;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.ValueCodecs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
