package dev.persistence.costing.uncertainty;

/**
 * Predicted loss of a model of {@code parameters} trained on {@code tokens}: the hook through which a scaling law
 * (persistence-scaling) enters the Monte Carlo. Primitive, so that the inner loop does not box.
 */
@FunctionalInterface
public interface LossFunction {

  /**
   * The predicted loss.
   *
   * @param parameters model parameters {@code N}
   * @param tokens training tokens {@code D}
   */
  double loss(double parameters, double tokens);
}
