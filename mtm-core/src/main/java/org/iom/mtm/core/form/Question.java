package org.iom.mtm.core.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One question of a questionnaire (a row of the XLSForm {@code survey} sheet that is not a group
 * marker), with its skip logic and checks kept as the form writes them.
 *
 * @param name the question's name, the column of the data
 * @param type the question type; not a group or repeat marker
 * @param listName the choice list (or file) of a select, null for the other types
 * @param orOther whether the select adds KoBo's "other, specify" choice
 * @param label the label per language
 * @param hint the hint per language
 * @param relevant the {@code relevant} expression (skip logic), or null when always asked
 * @param constraint the {@code constraint} expression, or null
 * @param constraintMessage the message shown when the constraint fails
 * @param calculation the {@code calculation} expression of a {@code calculate}, or null
 * @param choiceFilter the {@code choice_filter} expression of a select, or null
 * @param required whether an answer is required
 * @param appearance the {@code appearance} column, or null
 * @param groupPath the names of the enclosing groups and repeats, outermost first
 * @param repeat the innermost enclosing repeat (one of {@code groupPath}), or null outside repeats
 */
public record Question(
    String name,
    QuestionType type,
    @Nullable String listName,
    boolean orOther,
    Label label,
    Label hint,
    @Nullable String relevant,
    @Nullable String constraint,
    Label constraintMessage,
    @Nullable String calculation,
    @Nullable String choiceFilter,
    boolean required,
    @Nullable String appearance,
    List<String> groupPath,
    @Nullable String repeat) {

  /**
   * Checks the question.
   *
   * @throws IllegalArgumentException naming the value when the name is not a valid XLSForm name,
   *     the type is a group marker, a select names no list or another type names one, or the
   *     repeat is not on the group path
   */
  public Question {
    Names.check(name, "question name");
    Objects.requireNonNull(type, "type");
    if (type.isStructure()) {
      throw new IllegalArgumentException(
          "question '" + name + "': '" + type.xlsForm() + "' opens or closes a group; it is not a"
              + " question");
    }
    try {
      new TypeDeclaration(type, listName, orOther);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("question '" + name + "': " + e.getMessage(), e);
    }
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(constraintMessage, "constraintMessage");
    relevant = Group.blankToNull(relevant);
    constraint = Group.blankToNull(constraint);
    calculation = Group.blankToNull(calculation);
    choiceFilter = Group.blankToNull(choiceFilter);
    appearance = Group.blankToNull(appearance);
    groupPath = Names.checkPath(groupPath, "group name");
    if (repeat != null && !groupPath.contains(repeat)) {
      throw new IllegalArgumentException(
          "question '" + name + "': repeat '" + repeat + "' is not on its group path " + groupPath);
    }
  }

  /**
   * Starts a question.
   *
   * @param name the question's name
   * @param type the type cell, parsed by {@link TypeDeclaration#parse(String)} ({@code select_one
   *     yes_no})
   * @return a builder
   * @throws IllegalArgumentException naming the cell when the type is unknown
   */
  public static Builder builder(String name, String type) {
    return new Builder(name, TypeDeclaration.parse(type));
  }

  /**
   * Starts a question.
   *
   * @param name the question's name
   * @param type the type
   * @return a builder
   */
  public static Builder builder(String name, TypeDeclaration type) {
    return new Builder(name, Objects.requireNonNull(type, "type"));
  }

  /**
   * The type cell as XLSForm writes it.
   *
   * @return the declaration
   */
  public TypeDeclaration declaration() {
    return new TypeDeclaration(type, listName, orOther);
  }

  /**
   * The path of the question: its groups' names and its own, joined by {@code /} as KoBo's export
   * headers write them.
   *
   * @return the path, such as {@code profile/age}
   */
  public String path() {
    List<String> all = new ArrayList<>(groupPath);
    all.add(name);
    return String.join("/", all);
  }

  /**
   * The same question placed in other groups.
   *
   * @param path the enclosing groups, outermost first
   * @param repeatName the innermost repeat on that path, or null
   * @return the placed question
   */
  public Question placedIn(List<String> path, @Nullable String repeatName) {
    return new Question(
        name, type, listName, orOther, label, hint, relevant, constraint, constraintMessage,
        calculation, choiceFilter, required, appearance, path, repeatName);
  }

  /** Builds a {@link Question}; every field but the name and type is optional. */
  public static final class Builder {
    private final String name;
    private final TypeDeclaration type;
    private Label label = Label.empty();
    private Label hint = Label.empty();
    private @Nullable String relevant;
    private @Nullable String constraint;
    private Label constraintMessage = Label.empty();
    private @Nullable String calculation;
    private @Nullable String choiceFilter;
    private boolean required;
    private @Nullable String appearance;
    private List<String> groupPath = List.of();
    private @Nullable String repeat;

    private Builder(String name, TypeDeclaration type) {
      this.name = name;
      this.type = type;
    }

    /**
     * Sets the label.
     *
     * @param label the label per language
     * @return this builder
     */
    public Builder label(Label label) {
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * Sets a label in no particular language.
     *
     * @param text the label text
     * @return this builder
     */
    public Builder label(String text) {
      return label(Label.of(text));
    }

    /**
     * Sets the hint.
     *
     * @param hint the hint per language
     * @return this builder
     */
    public Builder hint(Label hint) {
      this.hint = Objects.requireNonNull(hint, "hint");
      return this;
    }

    /**
     * Sets the skip logic.
     *
     * @param expression the {@code relevant} expression, or null
     * @return this builder
     */
    public Builder relevant(@Nullable String expression) {
      this.relevant = expression;
      return this;
    }

    /**
     * Sets the constraint.
     *
     * @param expression the {@code constraint} expression, or null
     * @return this builder
     */
    public Builder constraint(@Nullable String expression) {
      this.constraint = expression;
      return this;
    }

    /**
     * Sets the constraint message.
     *
     * @param message the message per language
     * @return this builder
     */
    public Builder constraintMessage(Label message) {
      this.constraintMessage = Objects.requireNonNull(message, "constraintMessage");
      return this;
    }

    /**
     * Sets the calculation.
     *
     * @param expression the {@code calculation} expression, or null
     * @return this builder
     */
    public Builder calculation(@Nullable String expression) {
      this.calculation = expression;
      return this;
    }

    /**
     * Sets the choice filter.
     *
     * @param expression the {@code choice_filter} expression, or null
     * @return this builder
     */
    public Builder choiceFilter(@Nullable String expression) {
      this.choiceFilter = expression;
      return this;
    }

    /**
     * Sets whether an answer is required.
     *
     * @param required true when required
     * @return this builder
     */
    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    /**
     * Sets the appearance.
     *
     * @param appearance the {@code appearance} column, or null
     * @return this builder
     */
    public Builder appearance(@Nullable String appearance) {
      this.appearance = appearance;
      return this;
    }

    /**
     * Places the question in groups (a {@link Questionnaire.Builder} does this itself for the
     * groups open when the question is added).
     *
     * @param path the enclosing groups, outermost first
     * @param repeatName the innermost repeat on that path, or null
     * @return this builder
     */
    public Builder groupPath(List<String> path, @Nullable String repeatName) {
      this.groupPath = List.copyOf(path);
      this.repeat = repeatName;
      return this;
    }

    /**
     * Builds the question.
     *
     * @return the question
     * @throws IllegalArgumentException as {@link Question#Question} does
     */
    public Question build() {
      return new Question(
          name, type.type(), type.listName(), type.orOther(), label, hint, relevant, constraint,
          constraintMessage, calculation, choiceFilter, required, appearance, groupPath, repeat);
    }
  }
}
