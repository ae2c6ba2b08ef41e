package org.iom.mtm.core.baseline;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Normalisation and checks of the codes a baseline record carries, shared by its factories. */
final class Codes {

  /** The earliest year a baseline count may refer to; earlier years are typing errors. */
  static final int MIN_YEAR = 1900;

  /** The latest year a baseline count may refer to. */
  static final int MAX_YEAR = 2100;

  private Codes() {}

  /** A p-code, stripped and upper-cased: letters and digits only. */
  static String pcode(String what, String value) {
    String p = value.strip().toUpperCase(Locale.ROOT);
    if (p.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(
            what + " '" + value + "' is not a p-code: letters and digits only (e.g. KAZ004001)");
      }
    }
    return p;
  }

  /** An ISO 3166-1 alpha-3 code, stripped and upper-cased. */
  static String alpha3(String value) {
    String a = value.strip().toUpperCase(Locale.ROOT);
    if (a.length() != 3 || !isLetter(a.charAt(0)) || !isLetter(a.charAt(1)) || !isLetter(a.charAt(2))) {
      throw new IllegalArgumentException(
          "nationality '" + value + "' is not an ISO 3166-1 alpha-3 code (e.g. UZB)");
    }
    return a;
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static int year(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException(
          "year " + year + " is outside " + MIN_YEAR + "-" + MAX_YEAR);
    }
    return year;
  }

  static long count(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " is negative");
    }
    return count;
  }

  static @Nullable String informantId(@Nullable String id) {
    if (id == null) {
      return null;
    }
    String s = id.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("informant id is blank: use null for an unnamed informant");
    }
    return s;
  }
}
