package org.iom.mtm.core.form;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One choice of a list: the {@code name} stored in the data, its label, and the other columns of
 * its {@code choices} row that a {@code choice_filter} may test ({@code region}, ...).
 *
 * @param name the value stored in the data; not blank (a select_multiple's choices should hold no
 *     white space, since exports separate them by spaces)
 * @param label the label per language
 * @param properties the other columns of the choice's row, by column name
 */
public record Choice(String name, Label label, Map<String, String> properties) {

  /**
   * Checks the choice.
   *
   * @throws IllegalArgumentException naming the value when the name is blank
   */
  public Choice {
    Objects.requireNonNull(name, "choice name");
    Objects.requireNonNull(label, "label");
    if (name.isBlank()) {
      throw new IllegalArgumentException("choice name '" + name + "' is blank");
    }
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /**
   * A choice without other columns.
   *
   * @param name the value stored in the data
   * @param label the label
   * @return the choice
   */
  public static Choice of(String name, Label label) {
    return new Choice(name, label, Map.of());
  }

  /**
   * A choice with a label in no particular language.
   *
   * @param name the value stored in the data
   * @param label the label text
   * @return the choice
   */
  public static Choice of(String name, String label) {
    return new Choice(name, Label.of(label), Map.of());
  }
}
