package dev.persistence.io;

/**
 * A document (a config, a scenario, a catalog) that cannot be read: the message names where (the document and
 * the key or path), the value and the rule, and never a parser's class name.
 */
public class InvalidDocumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Where the problem is: a document name, a key or a path. */
  private final String location;

  /**
   * Creates the exception.
   *
   * @param location where the problem is: a document name, a key or a path such as {@code cluster.accelerator}
   * @param problem what is wrong, naming the value and the rule
   */
  public InvalidDocumentException(String location, String problem) {
    super(location.isEmpty() ? problem : dev.persistence.io.document.EchoedText.of(location) + ": " + problem);
    this.location = location;
  }

  /**
   * Creates the exception with a cause kept for debugging (its class name never reaches the message).
   *
   * @param location where the problem is
   * @param problem what is wrong, naming the value and the rule
   * @param cause the underlying failure
   */
  public InvalidDocumentException(String location, String problem, Throwable cause) {
    this(location, problem);
    initCause(cause);
  }

  /** Where the problem is: a document name, a key or a path; empty when the whole document is at fault. */
  public String location() {
    return location;
  }
}
