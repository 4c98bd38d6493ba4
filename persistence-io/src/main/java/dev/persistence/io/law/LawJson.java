package dev.persistence.io.law;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.document.ResultDocument;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.ScalingLaw;
import java.util.List;
import java.util.OptionalDouble;

/** Scaling laws and their predictions as JSON documents: what {@code laws --json} and {@code loss --json} print. */
public final class LawJson {
  private LawJson() {}

  private static final ResultDocument<ScalingLaw> LAW =
      ResultDocument.of(ScalingLaw.class).fields("name", "description", "source").build();

  private static final ResultDocument<List<? extends ScalingLaw>> LAWS =
      ResultDocument.<List<? extends ScalingLaw>>builder().list("laws", LAW, laws -> laws).build();

  private record Predicted(LossLaw law, double params, double tokens, OptionalDouble uniqueTokens, double loss) {}

  private static final ResultDocument<Predicted> LOSS =
      ResultDocument.of(Predicted.class)
          .field("law", p -> p.law().name())
          .field("params", Predicted::params)
          .field("tokens", Predicted::tokens)
          .field("uniqueTokens", Predicted::uniqueTokens)
          .field("loss", Predicted::loss)
          .build();

  /**
   * The laws listed: {@code laws}, each its {@code name}, {@code description} and {@code source}.
   *
   * @param laws the laws, in order
   */
  public static ObjectNode laws(List<? extends ScalingLaw> laws) {
    return LAWS.write(laws);
  }

  /**
   * One predicted loss: the {@code law}'s name, {@code params}, {@code tokens}, {@code uniqueTokens} when given,
   * and the {@code loss} in nats per token.
   *
   * @param law the law
   * @param parameters model parameters
   * @param tokens training tokens
   * @param uniqueTokens unique tokens available; empty when not given
   * @param loss the law's prediction
   */
  public static ObjectNode loss(
      LossLaw law, double parameters, double tokens, OptionalDouble uniqueTokens, double loss) {
    return LOSS.write(new Predicted(law, parameters, tokens, uniqueTokens, loss));
  }
}
