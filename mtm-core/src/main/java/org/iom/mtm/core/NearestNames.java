package org.iom.mtm.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The names nearest to a name that was not found, so that an error message can say what the user
 * probably meant ({@code no question 'sexe'; nearest: sex, age, ...}).
 *
 * <p>Nearness is the Levenshtein edit distance between the names after a normalisation chosen by
 * the caller (by default: lower case in {@link Locale#ROOT}); ties keep the candidates' order.
 */
public final class NearestNames {
  private NearestNames() {}

  /**
   * The {@code k} candidates nearest to {@code name}, compared in lower case.
   *
   * @param name the name that was not found
   * @param candidates the names there are
   * @param k how many to return, at least 1
   * @return up to {@code k} distinct candidates, nearest first
   * @throws IllegalArgumentException when {@code k} is less than 1
   */
  public static List<String> nearest(String name, Collection<String> candidates, int k) {
    return nearest(name, candidates, k, s -> s.toLowerCase(Locale.ROOT));
  }

  /**
   * The {@code k} candidates nearest to {@code name} after a normalisation.
   *
   * @param name the name that was not found
   * @param candidates the names there are
   * @param k how many to return, at least 1
   * @param normalise applied to the name and every candidate before measuring the distance
   * @return up to {@code k} distinct candidates, nearest first, as given (not normalised)
   * @throws IllegalArgumentException when {@code k} is less than 1
   */
  public static List<String> nearest(
      String name, Collection<String> candidates, int k, UnaryOperator<String> normalise) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(normalise, "normalise");
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    String target = normalise.apply(name);
    Set<String> distinct = new LinkedHashSet<>(candidates);
    record Scored(String candidate, int distance, int order) {}
    List<Scored> scored = new ArrayList<>(distinct.size());
    int order = 0;
    for (String c : distinct) {
      scored.add(new Scored(c, distance(target, normalise.apply(c)), order++));
    }
    scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
    List<String> out = new ArrayList<>(Math.min(k, scored.size()));
    for (int i = 0; i < scored.size() && i < k; i++) {
      out.add(scored.get(i).candidate());
    }
    return List.copyOf(out);
  }

  /**
   * The Levenshtein distance: the fewest single-character insertions, deletions and substitutions
   * that turn one string into the other (counted in UTF-16 units).
   *
   * @param a a string
   * @param b another string
   * @return the distance, 0 when equal
   */
  public static int distance(String a, String b) {
    int n = a.length();
    int m = b.length();
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        int substitution = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[m];
  }

  /**
   * The message tail that lists the nearest names: {@code "nearest: a, b, c"}, or {@code "none
   * known"} when there are no candidates.
   *
   * @param name the name that was not found
   * @param candidates the names there are
   * @param k how many to list
   * @return the message tail
   */
  public static String suggest(String name, Collection<String> candidates, int k) {
    List<String> near = nearest(name, candidates, k);
    return near.isEmpty() ? "none known" : "nearest: " + String.join(", ", near);
  }
}
