package org.iom.mtm.io.baseline;

/**
 * A value read from a file with where it was: the unit the row checks work on, whether it came
 * from a CSV cell or a JSON property.
 *
 * @param value the text, stripped
 * @param line the 1-based line
 * @param column the 1-based column
 * @param name the column's header name or JSON key
 */
record Cell(String value, long line, int column, String name) {

  boolean isEmpty() {
    return value.isEmpty();
  }
}
