package dev.persistence.io.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.io.document.ResultDocument;

/** A batch's {@link KeyValueCache} as one JSON document: the object {@code persistence kv-cache --json} prints. */
public final class KeyValueCacheJson {
  private KeyValueCacheJson() {}

  private record Cache(
      Architecture architecture, NumericFormat format, long sequenceLength, long batch, int tensorParallel) {
    double bytes(int ranks) {
      return KeyValueCache.bytes(architecture, format, ranks, batch, sequenceLength);
    }

    double stateBytesPerSequence() {
      return KeyValueCache.stateBytesPerSequence(architecture, format);
    }
  }

  private static final ResultDocument<Cache> CACHE =
      ResultDocument.of(Cache.class)
          .field("modelType", c -> c.architecture().family())
          .field("precision", c -> c.format().key())
          .field("sequenceLength", Cache::sequenceLength)
          .field("batch", Cache::batch)
          .field("bytesPerToken", c -> KeyValueCache.bytesPerToken(c.architecture(), c.format()))
          .field("bytesPerTokenPerLayer", c -> KeyValueCache.bytesPerTokenPerLayer(c.architecture(), c.format(), 1))
          .field(
              "cachedTokenLayersPerSequence",
              c -> KeyValueCache.cachedTokenLayers(c.architecture(), c.sequenceLength()))
          .field("totalBytes", c -> wholeBytes(c.bytes(1)))
          .field("tensorParallel", Cache::tensorParallel)
          .field("perRankBytes", c -> wholeBytes(c.bytes(c.tensorParallel())))
          .field("attentionLayers", c -> c.architecture().attentionLayers())
          .field("sequenceMixerLayers", c -> c.architecture().sequenceMixerLayers())
          // Cross-layer attention: the attention layers that cache keys and values of their own.
          .field("keyValueLayers", c -> c.architecture().keyValueLayers())
          .writtenWhen(c -> c.architecture().keyValueLayers() < c.architecture().attentionLayers())
          .field("stateBytesPerSequence", Cache::stateBytesPerSequence)
          .field("stateBytes", c -> wholeBytes(c.stateBytesPerSequence() * c.batch()))
          .field("totalBytesWithState", c -> wholeBytes(wholeBytes(c.bytes(1)) + c.stateBytesPerSequence() * c.batch()))
          .build();

  /**
   * The cache as a JSON tree: {@code modelType}, {@code precision}, {@code sequenceLength}, {@code batch},
   * {@code bytesPerToken} (all layers, before any window cap), {@code bytesPerTokenPerLayer},
   * {@code cachedTokenLayersPerSequence}, {@code totalBytes}, {@code tensorParallel}, {@code perRankBytes},
   * {@code attentionLayers}, {@code sequenceMixerLayers}, under cross-layer attention {@code keyValueLayers} (the
   * attention layers that cache their own keys and values), and the recurrent state: {@code stateBytesPerSequence},
   * {@code stateBytes} and {@code totalBytesWithState}. Byte totals are rounded up to whole bytes; the caller checks
   * that they are below 2^63, where it can name its own inputs.
   *
   * @param architecture the model
   * @param format the cache's number format
   * @param sequenceLength tokens per sequence
   * @param batch sequences
   * @param tensorParallel tensor-parallel ranks the cache is split over
   */
  public static ObjectNode toJson(
      Architecture architecture, NumericFormat format, long sequenceLength, long batch, int tensorParallel) {
    return CACHE.write(new Cache(architecture, format, sequenceLength, batch, tensorParallel));
  }

  private static long wholeBytes(double bytes) {
    return (long) Math.ceil(bytes);
  }
}
