package dev.persistence.scaling.law;

/** A scaling law that predicts the final training loss from model size and training tokens. */
public interface LossLaw extends ScalingLaw {
  /**
   * The predicted loss in nats per token.
   *
   * @param parameters model parameters (the law's own convention, see its Javadoc), must be finite and &gt; 0
   * @param tokens training tokens, must be finite and &gt; 0
   * @throws IllegalArgumentException if {@code parameters} or {@code tokens} is not finite and positive
   */
  double loss(double parameters, double tokens);
}
