package dev.persistence.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.io.memory.KeyValueCacheJson;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code persistence kv-cache}: key/value cache size of a batch of sequences. */
@Command(
    name = "kv-cache",
    mixinStandardHelpOptions = true,
    description =
        "Key/value cache bytes per token and for a batch of sequences (sliding windows capped), and the"
            + " constant recurrent state of a hybrid model's Mamba or linear-attention layers.")
final class KvCacheCommand implements Callable<Integer> {

  @Mixin ModelSource model;

  @Option(names = "--seq-len", required = true, paramLabel = "N", description = "Tokens per sequence.")
  long sequenceLength;

  @Option(names = "--batch", required = true, paramLabel = "N", description = "Sequences.")
  long batch;

  @Option(
      names = "--precision",
      paramLabel = "FORMAT",
      defaultValue = "bf16",
      description = "Cache element format: bf16 (default), fp16, fp8, fp32, int8, fp4, ...")
  String precision;

  @Option(names = "--tp", paramLabel = "N", defaultValue = "1", description = "Tensor-parallel ranks (per-rank figure).")
  int tensorParallel;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    NumericFormat format = NumericFormat.parse(precision);
    if (!(sequenceLength > 0)) {
      throw new IllegalArgumentException("--seq-len (" + sequenceLength + ") must be > 0");
    }
    if (!(batch > 0)) {
      throw new IllegalArgumentException("--batch (" + batch + ") must be > 0");
    }
    Architecture architecture = model.architecture();
    try {
      KeyValueCache.cachedTokenLayers(architecture, sequenceLength);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--seq-len (" + sequenceLength + "): " + e.getMessage(), e);
    }
    // The byte totals checked here, where the message can name the flags; the writer rounds the same totals.
    double cacheBytes = KeyValueCache.bytes(architecture, format, 1, batch, sequenceLength);
    checkWholeBytes(cacheBytes);
    checkWholeBytes(KeyValueCache.bytes(architecture, format, tensorParallel, batch, sequenceLength));
    double stateBytes = KeyValueCache.stateBytesPerSequence(architecture, format) * batch;
    checkWholeBytes(stateBytes);
    checkWholeBytes(Math.ceil(cacheBytes) + stateBytes);
    ObjectNode result = KeyValueCacheJson.toJson(architecture, format, sequenceLength, batch, tensorParallel);
    if (json) {
      JsonOutput.print(spec.commandLine().getOut(), result);
      return 0;
    }
    TextTable table = new TextTable();
    result.properties().forEach(field -> table.row(field.getKey(), field.getValue().asText()));
    table.print(spec.commandLine().getOut());
    return 0;
  }

  /** A cache beyond a long's range is an error, not {@code Long.MAX_VALUE}. */
  private void checkWholeBytes(double bytes) {
    if (!(bytes < 0x1p63)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the cache for --batch (%d) x --seq-len (%d) (%.3e bytes) must be < 2^63 bytes",
              batch,
              sequenceLength,
              bytes));
    }
  }
}
