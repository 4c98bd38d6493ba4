package dev.persistence.benchmarks.scaling;

import dev.persistence.scaling.fit.BootstrapResult;
import dev.persistence.scaling.fit.ChinchillaFitter;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.fit.ParametricFit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Approach 3 on Epoch's 240 points (Besiroglu et al. 2024; the CSV is bundled as a resource, see
 * epoch-chinchilla-svg-extracted.SOURCE.txt): the full 4,500-start grid fit (target under 2 s on one core) and a
 * 1,000-resample bootstrap (target under 30 s). Single-threaded.
 *
 * <p>Run: {@code java -jar persistence-benchmarks/target/benchmarks.jar FitBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FitBenchmark {
  private static final double EPOCH_LOSS_EXCLUSION = 3.446995430227908;

  private List<Observation> observations;
  private ChinchillaFitter fitter;

  @Setup
  public void load() {
    observations = epochObservations();
    fitter = ChinchillaFitter.paperGrid();
  }

  @Benchmark
  public ParametricFit fullGridFit() {
    return fitter.fit(observations);
  }

  @Benchmark
  public BootstrapResult bootstrap1000() {
    return fitter.bootstrap(observations, 1000, 20240416L, 0.95, 5.76e23);
  }

  static List<Observation> epochObservations() {
    String name = "/dev/persistence/benchmarks/epoch-chinchilla-svg-extracted.csv";
    try (InputStream in = FitBenchmark.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Observation> result = new ArrayList<>();
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        double loss = Double.parseDouble(f[6]);
        if (loss < EPOCH_LOSS_EXCLUSION) {
          result.add(Observation.fromTrainingFlops(Double.parseDouble(f[3]), Double.parseDouble(f[4]), loss));
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
