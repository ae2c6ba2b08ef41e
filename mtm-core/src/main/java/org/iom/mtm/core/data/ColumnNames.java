package org.iom.mtm.core.data;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Validation of variable, level and option names shared by the column builders. */
final class ColumnNames {
  private ColumnNames() {}

  static String check(String name) {
    Objects.requireNonNull(name, "column name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name is blank: '" + name + "'");
    }
    return name;
  }

  static List<String> checkLevels(String column, List<String> levels, String what) {
    List<String> copy = List.copyOf(levels);
    Set<String> seen = new HashSet<>();
    for (String l : copy) {
      if (!seen.add(l)) {
        throw new IllegalArgumentException("column '" + column + "': duplicate " + what + " '" + l + "'");
      }
    }
    return copy;
  }
}
