package dev.persistence.core.exact;

/**
 * A count that does not fit its integer type. It is an {@link IllegalArgumentException} because the inputs that
 * produced it are at fault: its message names the quantity and the inputs (for example {@code parameters of llama
 * config (numLayers 1073741824, hiddenSize 65536) overflow a long}).
 */
public final class CountOverflowException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what overflowed and from which inputs
   */
  public CountOverflowException(String message) {
    super(message);
  }
}
