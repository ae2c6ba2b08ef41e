package org.iom.mtm.io.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.json.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads an analysis plan: a JSON object {@code {"analyses": [...]}} (or the array alone) whose
 * items are {@code {"type": "prop_select_one", "variable": "sex", "by": ["admin1"], "title": "...",
 * "section": "..."}}; {@code by} may be one string or an array, {@code title} and {@code section}
 * are optional. IMPACT's column names {@code analysis_type}, {@code analysis_var} and {@code
 * group_var} are read too.
 */
public final class AnalysisPlanReader {
  private static final Set<String> TYPES = Set.of("mean", "median", "prop_select_one", "prop_select_multiple");

  private AnalysisPlanReader() {}

  /**
   * Reads a plan file.
   *
   * @param file the JSON file
   * @return the analyses, in the file's order
   * @throws ReadException naming the file and the item when the JSON is malformed, an item lacks
   *     its type or variable, or the type is not one a report computes
   */
  public static List<PlannedAnalysis> read(Path file) {
    return read(JsonInput.read(file), file.toString());
  }

  /**
   * Reads a parsed plan.
   *
   * @param root the JSON tree
   * @param name the file's name for messages
   * @return the analyses
   * @throws ReadException naming the file and the item when an item is malformed
   */
  public static List<PlannedAnalysis> read(JsonNode root, String name) {
    JsonNode items = root.isObject() ? root.get("analyses") : root;
    if (items == null || !items.isArray()) {
      throw new ReadException(ReadProblem.ofFile(name, "a plan is {\"analyses\": [...]} or an array of analyses"));
    }
    List<PlannedAnalysis> out = new ArrayList<>();
    int i = 0;
    for (JsonNode item : items.values()) {
      String where = "analyses[" + i + "]";
      if (!item.isObject()) {
        throw new ReadException(ReadProblem.ofFile(name, where + " is not an object"));
      }
      String type = text(item, name, where, "type", "analysis_type");
      String variable = text(item, name, where, "variable", "analysis_var");
      if (type == null || variable == null) {
        throw new ReadException(ReadProblem.ofFile(name, where + " needs \"type\" and \"variable\""));
      }
      type = type.strip().toLowerCase(Locale.ROOT);
      if (!TYPES.contains(type)) {
        throw new ReadException(ReadProblem.ofFile(name,
            where + ": type '" + type + "' is not one of mean, median, prop_select_one, prop_select_multiple"));
      }
      List<String> by = new ArrayList<>();
      JsonNode b = item.has("by") ? item.get("by") : item.get("group_var");
      if (b != null && b.isString()) {
        for (String v : b.asString().split(",")) {
          if (!v.isBlank()) {
            by.add(v.strip());
          }
        }
      } else if (b != null && b.isArray()) {
        for (JsonNode v : b.values()) {
          if (!v.isString() || v.asString().isBlank()) {
            throw new ReadException(ReadProblem.ofFile(name, where + ": \"by\" holds a value that is not a variable name: " + v));
          }
          by.add(v.asString().strip());
        }
      } else if (b != null && !b.isNull()) {
        throw new ReadException(ReadProblem.ofFile(name, where + ": \"by\" is neither a string nor an array: " + b));
      }
      out.add(new PlannedAnalysis(type, variable.strip(), by, text(item, name, where, "title"), text(item, name, where, "section")));
      i++;
    }
    if (out.isEmpty()) {
      throw new ReadException(ReadProblem.ofFile(name, "the plan lists no analysis"));
    }
    return out;
  }

  private static @Nullable String text(JsonNode item, String name, String where, String... keys) {
    for (String k : keys) {
      JsonNode v = item.get(k);
      if (v != null && !v.isNull()) {
        if (!v.isString()) {
          throw new ReadException(ReadProblem.ofFile(name, where + ": \"" + k + "\" is not a string: " + v));
        }
        return v.asString();
      }
    }
    return null;
  }
}
