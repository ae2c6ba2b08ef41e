package org.iom.mtm.core.form;

import java.util.Arrays;
import java.util.Objects;
import org.iom.mtm.core.NearestNames;
import org.jspecify.annotations.Nullable;

/**
 * The whole {@code type} cell of an XLSForm row: the question type, the list (or file) a select
 * names, and whether KoBo's {@code or_other} follows it ({@code select_one yes_no or_other}).
 *
 * @param type the question type
 * @param listName the choice list of a select ({@code yes_no}), the file of a {@code _from_file}
 *     select, or null for the other types
 * @param orOther whether {@code or_other} adds an "other, specify" choice (selects only)
 */
public record TypeDeclaration(QuestionType type, @Nullable String listName, boolean orOther) {

  /**
   * Checks the declaration.
   *
   * @throws IllegalArgumentException when a select names no list, another type names one, or
   *     {@code or_other} follows a type that is not a select
   */
  public TypeDeclaration {
    Objects.requireNonNull(type, "type");
    if (type.isSelect() && (listName == null || listName.isBlank())) {
      throw new IllegalArgumentException("question type '" + type.xlsForm() + "' needs a list name");
    }
    if (!type.isSelect() && listName != null) {
      throw new IllegalArgumentException(
          "question type '" + type.xlsForm() + "' takes no list name, got '" + listName + "'");
    }
    if (!type.isSelect() && orOther) {
      throw new IllegalArgumentException(
          "or_other follows question type '" + type.xlsForm() + "', which is not a select");
    }
  }

  /**
   * A type without a list.
   *
   * @param type a type that is not a select
   * @return the declaration
   * @throws IllegalArgumentException when the type is a select
   */
  public static TypeDeclaration of(QuestionType type) {
    return new TypeDeclaration(type, null, false);
  }

  /**
   * Reads a {@code type} cell: a bare type in any spelling {@link QuestionType#parse(String)}
   * accepts ({@code begin group}, {@code integer}), or a select followed by its list name and
   * optionally {@code or_other} ({@code select_one yes_no}, {@code select all that apply reasons
   * or_other}). The list name keeps its case.
   *
   * @param cell the cell's text
   * @return the declaration
   * @throws IllegalArgumentException naming the cell when the type is unknown, a select names no
   *     list, or words follow that are not a list name and {@code or_other}
   */
  public static TypeDeclaration parse(String cell) {
    Objects.requireNonNull(cell, "type");
    if (cell.isBlank()) {
      throw new IllegalArgumentException("empty question type '" + cell + "'");
    }
    String[] words = cell.strip().split("\\s+");
    // The longest leading run of words that spells a type is the type ("select all that apply").
    for (int n = words.length; n >= 1; n--) {
      String head = String.join("_", Arrays.copyOfRange(words, 0, n));
      QuestionType type = QuestionType.find(head).orElse(null);
      if (type == null) {
        continue;
      }
      String[] rest = Arrays.copyOfRange(words, n, words.length);
      if (!type.isSelect()) {
        if (rest.length > 0) {
          throw new IllegalArgumentException(
              "question type '" + cell + "': '" + type.xlsForm() + "' takes no list name");
        }
        return of(type);
      }
      if (rest.length == 0) {
        throw new IllegalArgumentException(
            "question type '" + cell + "' names no choice list (expected '" + type.xlsForm()
                + " list_name')");
      }
      boolean orOther = rest.length == 2 && rest[1].equalsIgnoreCase("or_other");
      if (rest.length > 2 || (rest.length == 2 && !orOther)) {
        throw new IllegalArgumentException(
            "question type '" + cell + "': expected '" + type.xlsForm()
                + " list_name [or_other]'");
      }
      return new TypeDeclaration(type, rest[0], orOther);
    }
    // Unknown: the first word is the type the author meant to write.
    throw new IllegalArgumentException(
        "unknown XLSForm question type '" + cell + "'; "
            + NearestNames.suggest(QuestionType.key(words[0]), QuestionType.spellings(), 3));
  }

  /**
   * The cell as XLSForm writes it ({@code select_one yes_no or_other}).
   *
   * @return the XLSForm spelling
   */
  public String toXlsForm() {
    if (listName == null) {
      return type.xlsForm();
    }
    return type.xlsForm() + " " + listName + (orOther ? " or_other" : "");
  }
}
