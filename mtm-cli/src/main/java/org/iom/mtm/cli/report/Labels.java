package org.iom.mtm.cli.report;

import java.util.Map;
import java.util.Optional;
import org.iom.mtm.core.form.Choice;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.core.geo.Country;
import org.iom.mtm.core.geo.Gazetteer;
import org.jspecify.annotations.Nullable;

/**
 * Readable names of variables and their levels: the form's labels, "Don't know" and "Refused" for
 * the special answers, country and place names for ISO codes and p-codes, else the code itself.
 */
public final class Labels {
  private static final Map<String, String> DERIVED =
      Map.of("household_size_group", "Household size (bands)", "prior_worked", "Worked in any form before coming",
          "nationality_top5", "Nationality, among the five most common");
  private static final Map<String, String> DERIVED_LEVELS =
      Map.of("1_3", "1 to 3", "4_6", "4 to 6", "7_9", "7 to 9", "10_plus", "10 or more");

  private final @Nullable Questionnaire form;

  private Labels(@Nullable Questionnaire form) {
    this.form = form;
  }

  /**
   * Labels from a form.
   *
   * @param form the form, or null for codes only
   * @return the labels
   */
  public static Labels of(@Nullable Questionnaire form) {
    return new Labels(form);
  }

  /**
   * A variable's label.
   *
   * @param variable the variable
   * @return the question's label, or the name
   */
  public String variable(String variable) {
    if (DERIVED.containsKey(variable)) {
      return DERIVED.get(variable);
    }
    Optional<Question> q = form == null ? Optional.empty() : form.find(variable);
    if (q.isPresent() && !q.get().label().isEmpty()) {
      return q.get().label().text();
    }
    return variable;
  }

  /**
   * A level's label.
   *
   * @param variable the variable
   * @param level the level's code
   * @return its label
   */
  public String level(String variable, String level) {
    if (level.equals(Indicators.DONT_KNOW)) {
      return "Don't know";
    }
    if (level.equals(Indicators.REFUSED)) {
      return "Refused";
    }
    if (DERIVED_LEVELS.containsKey(level) && DERIVED.containsKey(variable)) {
      return DERIVED_LEVELS.get(level);
    }
    if (form != null) {
      Optional<Question> q = form.find(variable);
      String list = q.isPresent() ? q.get().listName() : null;
      if (list != null) {
        ChoiceList choices = form.choiceList(list);
        Optional<Choice> c = choices.find(level);
        if (c.isPresent() && !c.get().label().isEmpty()) {
          return c.get().label().text();
        }
      }
    }
    if (level.length() == 3 && level.equals(level.toUpperCase(java.util.Locale.ROOT))) {
      try {
        return Country.of(level).name();
      } catch (IllegalArgumentException e) {
        return level;
      }
    }
    if (level.startsWith("KAZ")) {
      return Gazetteer.kazakhstan().find(level).map(a -> a.name()).orElse(level);
    }
    return level;
  }
}
