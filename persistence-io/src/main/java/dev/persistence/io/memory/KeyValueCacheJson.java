package dev.persistence.io.memory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.memory.KeyValueCache;
import dev.persistence.core.precision.NumericFormat;

/** A batch's {@link KeyValueCache} as one JSON document: the object {@code persistence kv-cache --json} prints. */
public final class KeyValueCacheJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KeyValueCacheJson() {}

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
    long totalBytes = wholeBytes(KeyValueCache.bytes(architecture, format, 1, batch, sequenceLength));
    double statePerSequence = KeyValueCache.stateBytesPerSequence(architecture, format);
    ObjectNode out = NODES.objectNode();
    out.put("modelType", architecture.family());
    out.put("precision", format.key());
    out.put("sequenceLength", sequenceLength);
    out.put("batch", batch);
    out.put("bytesPerToken", KeyValueCache.bytesPerToken(architecture, format));
    out.put("bytesPerTokenPerLayer", KeyValueCache.bytesPerTokenPerLayer(architecture, format, 1));
    out.put("cachedTokenLayersPerSequence", KeyValueCache.cachedTokenLayers(architecture, sequenceLength));
    out.put("totalBytes", totalBytes);
    out.put("tensorParallel", tensorParallel);
    out.put(
        "perRankBytes", wholeBytes(KeyValueCache.bytes(architecture, format, tensorParallel, batch, sequenceLength)));
    out.put("attentionLayers", architecture.attentionLayers());
    out.put("sequenceMixerLayers", architecture.sequenceMixerLayers());
    if (architecture.keyValueLayers() < architecture.attentionLayers()) {
      // Cross-layer attention: the attention layers that cache keys and values of their own.
      out.put("keyValueLayers", architecture.keyValueLayers());
    }
    out.put("stateBytesPerSequence", statePerSequence);
    out.put("stateBytes", wholeBytes(statePerSequence * batch));
    out.put("totalBytesWithState", wholeBytes(totalBytes + statePerSequence * batch));
    return out;
  }

  private static long wholeBytes(double bytes) {
    return (long) Math.ceil(bytes);
  }
}
