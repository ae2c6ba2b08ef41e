package org.iom.mtm.testkit;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Label;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;

/**
 * jqwik arbitraries for questionnaires: every common XLSForm question type, choice lists, groups
 * and skip logic ({@code relevant} on an earlier select_one). Shrink toward one integer question.
 */
public final class FormArbitraries {
  private FormArbitraries() {}

  /** The question types drawn, as XLSForm spells them (select types get a list). */
  private static final List<String> TYPES =
      List.of("integer", "select_one", "select_multiple", "decimal", "text", "date", "calculate",
          "note", "geopoint", "select_one_or_other");

  /**
   * Questionnaires of 1 to 12 questions, some in a group, some with skip logic.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Questionnaire> questionnaires() {
    Arbitrary<int[]> spec = Arbitraries.integers().between(0, TYPES.size() - 1).array(int[].class).ofMinSize(1).ofMaxSize(12);
    return spec.flatMap(
        types ->
            Arbitraries.integers()
                .between(0, 1 << Math.min(types.length, 12))
                .map(flags -> build(types, flags)));
  }

  private static Questionnaire build(int[] types, int flags) {
    Questionnaire.Builder b = Questionnaire.builder("generated").title("Generated form");
    List<String> selectOnes = new ArrayList<>();
    boolean inGroup = false;
    for (int i = 0; i < types.length; i++) {
      String kind = TYPES.get(types[i]);
      String name = "q" + i;
      boolean flag = (flags >> i & 1) == 1;
      if (flag && !inGroup && i % 3 == 0) {
        b.beginGroup("g" + i, Label.of("Group " + i), null);
        inGroup = true;
      }
      Question.Builder q;
      switch (kind) {
        case "select_one", "select_multiple", "select_one_or_other" -> {
          String list = "list" + i;
          b.choices(ChoiceList.of(list, "a", "A", "b", "B", "c", "C"));
          String type =
              kind.equals("select_one_or_other") ? "select_one " + list + " or_other" : kind + " " + list;
          q = Question.builder(name, type);
          if (!kind.equals("select_multiple")) {
            selectOnes.add(name);
          }
        }
        case "calculate" -> q = Question.builder(name, "calculate").calculation("1 + 1");
        default -> q = Question.builder(name, kind);
      }
      if (!kind.equals("calculate")) {
        q.label("Question " + i);
      }
      if (flag && !selectOnes.isEmpty() && !selectOnes.get(0).equals(name)) {
        q.relevant("${" + selectOnes.get(0) + "} = 'a'");
      }
      b.add(q);
      if (inGroup && (i % 3 == 2 || i == types.length - 1)) {
        b.endGroup();
        inGroup = false;
      }
    }
    return b.build();
  }
}
