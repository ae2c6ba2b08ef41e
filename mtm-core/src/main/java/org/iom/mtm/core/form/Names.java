package org.iom.mtm.core.form;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The XML-name rule XLSForm applies to question and group names. */
final class Names {
  private static final Pattern XML_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");

  private Names() {}

  static String check(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!XML_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " '" + name + "' is not a valid XLSForm name (a letter or '_', then letters,"
              + " digits, '_', '-' or '.')");
    }
    return name;
  }

  static List<String> checkPath(List<String> path, String what) {
    List<String> copy = List.copyOf(path);
    for (String p : copy) {
      check(p, what);
    }
    return copy;
  }
}
