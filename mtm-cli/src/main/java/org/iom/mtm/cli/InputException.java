package org.iom.mtm.cli;

/**
 * Bad usage or bad input: the CLI prints the message on one line and exits with status 2.
 *
 * <p>The message names the file, line, column or variable and the offending value.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming file, line, column and value where known
   */
  public InputException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong
   * @param cause the underlying error
   */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
