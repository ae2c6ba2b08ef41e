package org.iom.mtm.core.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iom.mtm.core.NearestNames;
import org.jspecify.annotations.Nullable;

/**
 * A named list of choices (the rows of the {@code choices} sheet sharing a {@code list_name}), in
 * the form's order. The position of a choice is the level code of the columnar data. Immutable.
 */
public final class ChoiceList {
  private final String name;
  private final List<Choice> choices;
  private final Map<String, Integer> index;

  private ChoiceList(String name, List<Choice> choices, Map<String, Integer> index) {
    this.name = name;
    this.choices = choices;
    this.index = index;
  }

  /**
   * A list.
   *
   * @param name the list name; not blank, no white space
   * @param choices the choices in order, names distinct
   * @return the list
   * @throws IllegalArgumentException naming the list and the value when the name is bad or a
   *     choice name repeats
   */
  public static ChoiceList of(String name, List<Choice> choices) {
    Objects.requireNonNull(name, "list name");
    if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("choice list name '" + name + "' is blank or holds white space");
    }
    List<Choice> copy = List.copyOf(choices);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      if (index.putIfAbsent(copy.get(i).name(), i) != null) {
        throw new IllegalArgumentException(
            "choice list '" + name + "': choice '" + copy.get(i).name() + "' appears twice");
      }
    }
    return new ChoiceList(name, copy, Map.copyOf(index));
  }

  /**
   * A list of choices given as name and label pairs: {@code of("yes_no", "yes", "Yes", "no",
   * "No")}.
   *
   * @param name the list name
   * @param namesAndLabels choice names and labels, alternating
   * @return the list
   * @throws IllegalArgumentException when the count is odd or a name repeats
   */
  public static ChoiceList of(String name, String... namesAndLabels) {
    if (namesAndLabels.length % 2 != 0) {
      throw new IllegalArgumentException(
          "choice list '" + name + "': names and labels must alternate, got " + namesAndLabels.length + " strings");
    }
    Choice[] cs = new Choice[namesAndLabels.length / 2];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = Choice.of(namesAndLabels[2 * i], namesAndLabels[2 * i + 1]);
    }
    return of(name, List.of(cs));
  }

  /**
   * The list name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The choices in order.
   *
   * @return an immutable list
   */
  public List<Choice> choices() {
    return choices;
  }

  /**
   * The choice names in order: the levels of a categorical column.
   *
   * @return an immutable list
   */
  public List<String> names() {
    return choices.stream().map(Choice::name).toList();
  }

  /**
   * The number of choices.
   *
   * @return the count
   */
  public int size() {
    return choices.size();
  }

  /**
   * Whether a choice has this name.
   *
   * @param choiceName the name
   * @return true when present
   */
  public boolean contains(String choiceName) {
    return index.containsKey(choiceName);
  }

  /**
   * A choice by name, if present.
   *
   * @param choiceName the name stored in the data
   * @return the choice or empty
   */
  public Optional<Choice> find(String choiceName) {
    Integer i = index.get(choiceName);
    return i == null ? Optional.empty() : Optional.of(choices.get(i));
  }

  /**
   * A choice by name.
   *
   * @param choiceName the name stored in the data
   * @return the choice
   * @throws IllegalArgumentException naming the value, the list and the nearest names
   */
  public Choice choice(String choiceName) {
    return choices.get(indexOf(choiceName));
  }

  /**
   * The position of a choice: its level code.
   *
   * @param choiceName the name stored in the data
   * @return the 0-based position
   * @throws IllegalArgumentException naming the value, the list and the nearest names
   */
  public int indexOf(String choiceName) {
    Integer i = index.get(choiceName);
    if (i == null) {
      throw new IllegalArgumentException(
          "'" + choiceName + "' is not a choice of list '" + name + "'; "
              + NearestNames.suggest(choiceName, names(), 3));
    }
    return i;
  }

  /**
   * The first choice whose label, in any language, equals a text ignoring case (for exports that
   * carry labels instead of names).
   *
   * @param label the label text
   * @return the choice or empty
   */
  public Optional<Choice> findByLabel(String label) {
    Objects.requireNonNull(label, "label");
    return choices.stream().filter(c -> c.label().matches(label)).findFirst();
  }

  /**
   * The first choice whose label, in any language, equals a text ignoring case.
   *
   * @param label the label text
   * @return the choice
   * @throws IllegalArgumentException naming the value, the list and the nearest labels
   */
  public Choice byLabel(String label) {
    return findByLabel(label)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no choice of list '" + name + "' is labelled '" + label + "'; "
                        + NearestNames.suggest(
                            label, choices.stream().map(c -> c.label().text()).toList(), 3)));
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ChoiceList c && c.name.equals(name) && c.choices.equals(choices);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, choices);
  }

  @Override
  public String toString() {
    return "ChoiceList[" + name + ", " + names() + "]";
  }
}
