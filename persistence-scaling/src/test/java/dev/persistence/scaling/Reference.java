package dev.persistence.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.scaling.fit.Observation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads reference/scaling (located by the system property {@code persistence.reference}). */
public final class Reference {
  /** Epoch's exclusion threshold: the five rows with loss >= this are dropped (scaling-cases.json epoch.dataset). */
  public static final double EPOCH_LOSS_EXCLUSION = 3.446995430227908;

  private Reference() {}

  public static Path folder() {
    String property = System.getProperty("persistence.reference");
    if (property == null) {
      throw new IllegalStateException("system property persistence.reference is not set (surefire sets it)");
    }
    return Path.of(property).resolve("scaling");
  }

  public static JsonNode cases() {
    try {
      return new ObjectMapper().readTree(folder().resolve("scaling-cases.json").toFile()).get("cases");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String[]> csv(String file) {
    try {
      List<String> lines = Files.readAllLines(folder().resolve(file));
      List<String[]> rows = new ArrayList<>();
      for (String line : lines) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Besiroglu et al. 2024's 240 points: epoch-chinchilla-svg-extracted.csv (github.com/epoch-research/
   * analyzing-chinchilla @92258837 data/svg_extracted_data.csv) without the five rows of loss >= 3.447, with
   * D = Training FLOP / (6 Model Size).
   */
  public static List<Observation> epochObservations() {
    List<String[]> rows = csv("epoch-chinchilla-svg-extracted.csv");
    List<Observation> observations = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      double loss = Double.parseDouble(row[6]);
      if (loss >= EPOCH_LOSS_EXCLUSION) {
        continue;
      }
      observations.add(Observation.fromTrainingFlops(Double.parseDouble(row[3]), Double.parseDouble(row[4]), loss));
    }
    return observations;
  }

  /** Sardana et al. 2024's 47 runs (sardana-trainingresults.csv): Parameters, Tokens, Smoothed Loss. */
  public static List<Observation> sardanaObservations() {
    List<String[]> rows = csv("sardana-trainingresults.csv");
    List<Observation> observations = new ArrayList<>();
    for (String[] row : rows.subList(1, rows.size())) {
      observations.add(new Observation(
          Double.parseDouble(row[1]), Double.parseDouble(row[3]), Double.parseDouble(row[5])));
    }
    return observations;
  }
}
