package org.iom.mtm.core.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group or repeat of a questionnaire (a {@code begin_group} or {@code begin_repeat} row). Its
 * {@code relevant} applies to every question inside: a question in a group that is not relevant is
 * not asked.
 *
 * @param name the group's name
 * @param repeat true for a repeat, whose questions are answered once per instance
 * @param label the label per language
 * @param relevant the group's {@code relevant} expression, or null when always shown
 * @param parentPath the names of the enclosing groups and repeats, outermost first
 */
public record Group(
    String name, boolean repeat, Label label, @Nullable String relevant, List<String> parentPath) {

  /**
   * Checks the group.
   *
   * @throws IllegalArgumentException naming the value when a name is not a valid XLSForm name
   */
  public Group {
    Names.check(name, "group name");
    Objects.requireNonNull(label, "label");
    parentPath = Names.checkPath(parentPath, "group name");
    relevant = blankToNull(relevant);
  }

  /**
   * The path of the group: its parents' names and its own joined by {@code /}.
   *
   * @return the path, such as {@code household/members}
   */
  public String path() {
    List<String> all = new ArrayList<>(parentPath);
    all.add(name);
    return String.join("/", all);
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
