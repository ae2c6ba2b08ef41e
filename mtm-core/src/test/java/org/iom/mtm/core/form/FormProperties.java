package org.iom.mtm.core.form;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FormProperties {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('_', '0', '9').ofMinLength(1).ofMaxLength(10)
        .filter(s -> Character.isLetter(s.charAt(0)) || s.charAt(0) == '_');
  }

  /** A select type cell reads back whatever the case and spacing of its type words. */
  @Property
  void selectCellsRoundTrip(
      @ForAll("names") String list, @ForAll boolean orOther, @ForAll boolean multiple, @ForAll boolean upper,
      @ForAll boolean spaced) {
    String type = multiple ? "select_multiple" : "select_one";
    String written = spaced ? type.replace('_', ' ') : type;
    written = upper ? written.toUpperCase(Locale.ROOT) : written;
    TypeDeclaration d = TypeDeclaration.parse(written + "  " + list + (orOther ? " or_other" : ""));
    assertEquals(multiple ? QuestionType.SELECT_MULTIPLE : QuestionType.SELECT_ONE, d.type());
    assertEquals(list, d.listName());
    assertEquals(orOther, d.orOther());
    assertEquals(d, TypeDeclaration.parse(d.toXlsForm()));
  }

  /** Operations on a form builder: open a group or repeat, close the innermost, add a question. */
  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(0, 3).list().ofMaxSize(40);
  }

  /**
   * Whatever the nesting, every question sits on the path of the groups open when it was added,
   * in the innermost repeat open then, and is found by that path and, being uniquely named, by
   * its name.
   */
  @Property
  void questionsSitWhereTheyWereAdded(@ForAll("operations") List<Integer> ops) {
    Questionnaire.Builder b = Questionnaire.builder("f");
    Deque<String[]> open = new ArrayDeque<>(); // {name, "g" or "r"}
    List<String> expectedPaths = new ArrayList<>();
    List<String> expectedRepeats = new ArrayList<>();
    int n = 0;
    for (int op : ops) {
      n++;
      if (op == 0) {
        b.beginGroup("g" + n, Label.empty(), null);
        open.push(new String[] {"g" + n, "g"});
      } else if (op == 1) {
        b.beginRepeat("r" + n, Label.empty(), null);
        open.push(new String[] {"r" + n, "r"});
      } else if (op == 2 && !open.isEmpty()) {
        if (open.pop()[1].equals("g")) {
          b.endGroup();
        } else {
          b.endRepeat();
        }
      } else {
        b.add(Question.builder("q" + n, "integer"));
        List<String> path = new ArrayList<>();
        open.descendingIterator().forEachRemaining(g -> path.add(g[0]));
        path.add("q" + n);
        expectedPaths.add(String.join("/", path));
        String repeat = null;
        for (String[] g : open) {
          if (g[1].equals("r")) {
            repeat = g[0];
            break;
          }
        }
        expectedRepeats.add(repeat);
      }
    }
    while (!open.isEmpty()) {
      if (open.pop()[1].equals("g")) {
        b.endGroup();
      } else {
        b.endRepeat();
      }
    }
    Questionnaire q = b.build();
    assertEquals(expectedPaths, q.questions().stream().map(Question::path).toList());
    assertEquals(expectedRepeats, q.questions().stream().map(Question::repeat).toList());
    for (Question question : q.questions()) {
      assertEquals(question, q.question(question.path()));
      assertEquals(question, q.question(question.name()));
    }
  }
}
