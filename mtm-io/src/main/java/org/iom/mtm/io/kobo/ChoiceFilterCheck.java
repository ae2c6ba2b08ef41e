package org.iom.mtm.io.kobo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.form.Choice;
import org.iom.mtm.core.form.ChoiceList;
import org.iom.mtm.core.form.Question;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.io.ReadProblem;
import org.iom.mtm.io.report.ReadReport;
import org.iom.mtm.io.xlsform.FormExpression;
import org.iom.mtm.io.xlsform.FormRead;
import org.jspecify.annotations.Nullable;

/**
 * Checks the answers of selects that have a {@code choice_filter} against it: a chosen option that
 * the filter would not have offered given the row's other answers ({@code district=${region}}
 * pairs a district with another region; {@code name != ${first_reason}} repeats the first reason)
 * is an error at its line, column and value. A row where an answer the filter refers to is missing
 * (rejected, refused, not asked) is not judged: that answer is reported where it is. A filter
 * outside the expression subset mtm evaluates
 * is a warning, once per question; a select whose choices are in an external file is not checked.
 */
public final class ChoiceFilterCheck {
  private ChoiceFilterCheck() {}

  /**
   * The read's report with the choice-filter errors added.
   *
   * @param formRead the form the data were read with; an option whose name stood on several rows
   *     of its list (only the first is kept) is not judged
   * @param read the data and their report
   * @return a new report: the read's entries, then one error per chosen option the filter rejects
   */
  public static ReadReport check(FormRead formRead, SurveyRead read) {
    Questionnaire form = formRead.form();
    ReadReport.Builder b = read.report().toBuilder();
    SurveyData data = read.data();
    String file = read.report().file();
    for (Question q : form.questions()) {
      String filter = q.choiceFilter();
      if (filter == null || q.listName() == null || data.find(q.name()).isEmpty()
          || form.choiceLists().stream().noneMatch(l -> l.name().equals(q.listName()))) {
        continue;
      }
      FormExpression e;
      try {
        e = FormExpression.parseChoiceFilter(filter);
      } catch (FormExpression.ExpressionException x) {
        b.warning(new ReadProblem(file, 0, 0, q.name(), filter, "choice_filter not checked: " + x.getMessage()));
        continue;
      }
      ChoiceList list = form.choiceList(q.listName());
      java.util.Set<String> repeated = formRead.repeatedChoices().getOrDefault(list.name(), java.util.Set.of());
      Column answer = data.column(q.name());
      List<Column> refs = new ArrayList<>();
      for (String r : e.references()) {
        data.find(r).ifPresent(refs::add);
      }
      // one evaluation per distinct (option, referenced answers): the same pairs recur row after row
      Map<List<String>, Boolean> seen = new HashMap<>();
      rows:
      for (int row = 0; row < answer.size(); row++) {
        if (!answer.isAnswered(row)) {
          continue;
        }
        for (Column c : refs) {
          if (!c.isAnswered(row)) {
            // a referenced answer that is missing (rejected, refused, not asked) is reported
            // where it is; the filter cannot be judged without it
            continue rows;
          }
        }
        for (String option : chosen(answer, row)) {
          List<String> key = new ArrayList<>(refs.size() + 1);
          key.add(option);
          Map<String, String> values = new HashMap<>();
          for (Column c : refs) {
            String v = FormExpression.answer(c, row);
            key.add(v);
            values.put(c.name(), v);
          }
          Choice choice = list.find(option).orElse(null);
          if (choice == null || repeated.contains(option)) {
            // not a choice of the list (the reader reports that already), or a name the list
            // repeats under several parents, whose other rows the form did not keep
            continue;
          }
          boolean offered = seen.computeIfAbsent(key, k -> e.testChoice(values::get, columns(choice)));
          if (!offered) {
            b.error(new ReadProblem(file, read.line(row), 0, q.name(), option,
                "not among the choices its choice_filter '" + filter + "' offers"
                    + (values.isEmpty() ? "" : " given " + describe(values))));
          }
        }
      }
    }
    return b.build();
  }

  private static Function<String, @Nullable String> columns(Choice choice) {
    return c -> c.equals("name") ? choice.name() : choice.properties().get(c);
  }

  private static String describe(Map<String, String> values) {
    List<String> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(k + " = '" + v + "'"));
    parts.sort(null);
    return String.join(", ", parts);
  }

  /** The chosen options of an answered select: one for a select_one, any number for a select_multiple. */
  private static List<String> chosen(Column c, int row) {
    String a = FormExpression.answer(c, row);
    return c instanceof MultiSelectColumn ? (a.isEmpty() ? List.of() : List.of(a.split(" "))) : List.of(a);
  }
}
