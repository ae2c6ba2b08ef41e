package org.iom.mtm.core.geo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How place and country names are compared: without case, accents or punctuation, so that
 * {@code Nur-Sultan}, {@code nur sultan} and {@code NURSULTAN} are one key, and {@code Türkiye}
 * matches {@code Turkiye}.
 */
final class PlaceNames {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  /** The generic words a name may carry or drop: "Mangystau Region" is also "Mangystau". */
  private static final List<String> GENERIC =
      List.of(
          "region", "oblast", "oblasty", "oblysy", "province", "district", "rayon", "raion",
          "audany", "city", "qalasy", "public administration", "g.a.", "ga");

  private PlaceNames() {}

  /** Lower case, no accents, letters and digits only. */
  static String key(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
    String plain = MARKS.matcher(decomposed).replaceAll("");
    return NOT_ALNUM.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
  }

  /** The key without a trailing or leading generic word ("Almaty Oblast" gives "almaty"). */
  static String baseKey(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String g : GENERIC) {
        if (n.endsWith(" " + g) && n.length() > g.length() + 1) {
          n = n.substring(0, n.length() - g.length() - 1).strip();
          changed = true;
        } else if (n.startsWith(g + " ") && n.length() > g.length() + 1) {
          n = n.substring(g.length() + 1).strip();
          changed = true;
        }
      }
    }
    return key(n);
  }
}
