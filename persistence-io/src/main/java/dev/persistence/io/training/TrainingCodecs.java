package dev.persistence.io.training;

import static dev.persistence.io.document.ValueCodecs.NAME;
import dev.persistence.costing.training.Goodput;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ObjectCodec.Values;
import dev.persistence.io.document.ValueCodecs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Codecs of training-run inputs ({@code dev.persistence.costing.training}): goodput, a preset's name or {@code
 * {fraction, source}}.
 */
public final class TrainingCodecs {
  private TrainingCodecs() {}

  /** Goodput: {@code llama-3-405b} (the default's source), {@code none}, or {@code {fraction, source}}. */
  public static final Codec<Goodput> GOODPUT =
      ValueCodecs.presetOrObject(
          "goodput",
          "goodput",
          "a goodput preset's name",
          () -> {
            Map<String, Goodput> presets = new LinkedHashMap<>();
            presets.put("llama-3-405b", Goodput.LLAMA_3_405B);
            presets.put("none", Goodput.NONE);
            return presets;
          },
          ObjectCodec.components(
                  Goodput.class,
                  "goodputObject",
                  (Values v) -> Goodput.of(v.<Double>get("fraction"), v.get("source")))
              .required("fraction", ValueCodecs.POSITIVE_FRACTION, Goodput::fraction)
              .required("source", NAME, Goodput::source)
              .build());
}
