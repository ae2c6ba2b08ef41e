package org.iom.mtm.io.xlsform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FormExpressionTest {

  static boolean eval(String expr, Map<String, String> values) {
    return FormExpression.parse(expr).test(values::get, null);
  }

  @Test
  void selectedAndCountSelected() {
    Map<String, String> v = Map.of("reasons", "work family", "hh_children", "yes");
    assertTrue(eval("selected(${reasons}, 'work')", v));
    assertFalse(eval("selected(${reasons}, 'study')", v));
    assertTrue(eval("selected(${hh_children},\"yes\")", v));
    assertTrue(eval("count-selected(${reasons}) = 2", v));
    assertTrue(eval("count-selected(${reasons}) > 1 and not(selected(${reasons}, 'none'))", v));
    assertFalse(eval("selected(${missing_q}, 'yes')", v));
  }

  @Test
  void comparisonsFollowXpath() {
    assertTrue(eval("${age} >= 18", Map.of("age", "20")));
    assertFalse(eval("${age} >= 18", Map.of("age", "9")));
    // An unanswered number compares as NaN: every comparison is false.
    assertFalse(eval("${age} >= 18", Map.of()));
    assertFalse(eval("${age} < 18", Map.of()));
    assertTrue(eval("${age} != ''", Map.of("age", "0")));
    assertTrue(eval("${q} = ''", Map.of()));
    assertTrue(eval("${x} = 'yes' or ${y} = 'yes'", Map.of("y", "yes")));
    // and binds tighter than or
    assertTrue(eval("true() or false() and false()", Map.of()));
    assertTrue(eval("${a} + ${b} * 2 = 7", Map.of("a", "1", "b", "3")));
    assertTrue(eval("10 div 4 = 2.5 and 7 mod 3 = 1 and -${a} = -1", Map.of("a", "1")));
    // Comparing with a number compares as numbers: '05' = 5.
    assertTrue(eval("${code} = 5", Map.of("code", "05")));
    assertFalse(eval("${code} = '5'", Map.of("code", "05")));
  }

  @Test
  void currentValueRegexAndIf() {
    FormExpression c = FormExpression.parse(".>=0 and .<=20");
    assertTrue(c.test(n -> null, "20"));
    assertFalse(c.test(n -> null, "21"));
    FormExpression phone = FormExpression.parse("regex(., '^[0]{1}[0-9]{9}$')");
    assertTrue(phone.test(n -> null, "0612345678"));
    assertFalse(phone.test(n -> null, "612345678"));
    assertTrue(eval("if(${a} > 1, 'big', 'small') = 'big'", Map.of("a", "2")));
    assertTrue(eval("string-length(${name}) = 3 and starts-with(${name}, 'A') and contains(concat(${name}, 'x'), 'nx')",
        Map.of("name", "Ann")));
    assertTrue(eval("coalesce(${a}, 'z') = 'z' and int(${b}) = 2 and number('1.5') = 1.5", Map.of("b", "2.7")));
  }

  @Test
  void referencesAreCollected() {
    assertEquals(Set.of("males_0_6m", "females_0_6m"),
        FormExpression.parse("${males_0_6m}>0 or ${females_0_6m}>0").references());
  }

  @Test
  void unsupportedAndMalformedAreTold() {
    FormExpression.ExpressionException today =
        assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse(". < today()"));
    assertTrue(today.unsupported());
    assertTrue(today.getMessage().contains("today()"), today.getMessage());
    assertTrue(assertThrows(FormExpression.ExpressionException.class,
        () -> FormExpression.parse("jr:choice-name(${q}, '${q}') = 'x'")).unsupported());
    assertTrue(assertThrows(FormExpression.ExpressionException.class,
        () -> FormExpression.parse("/data/q = 1")).unsupported());
    FormExpression.ExpressionException bad =
        assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse("${a} = "));
    assertFalse(bad.unsupported());
    assertTrue(bad.getMessage().startsWith("expression '${a} = ' at character"), bad.getMessage());
    assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse("selected(${a})"));
    assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse("'open"));
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000);
    assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse(deep));
    assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse("-".repeat(50_000) + "1"));
    assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse("not(".repeat(5_000) + "1" + ")".repeat(5_000)));
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.strings().withChars("${}()'\".,=!<>+-*/ abc01_").ofMaxLength(40);
  }

  /** Any text either parses and evaluates, or is refused with the documented exception. */
  @Property(tries = 3000)
  void anyTextParsesOrIsRefused(@ForAll("junk") String text) {
    FormExpression e;
    try {
      e = FormExpression.parse(text);
    } catch (FormExpression.ExpressionException expected) {
      return;
    }
    e.test(n -> "1", "2");
  }

  @Test
  void aChoiceFilterReadsBareNamesFromTheChoice() {
    FormExpression e = FormExpression.parseChoiceFilter("name != ${first} and region = ${region}");
    java.util.Map<String, String> answers = java.util.Map.of("first", "a", "region", "north");
    assertTrue(e.testChoice(answers::get, c -> java.util.Map.of("name", "b", "region", "north").get(c)));
    assertFalse(e.testChoice(answers::get, c -> java.util.Map.of("name", "a", "region", "north").get(c)));
    assertFalse(e.testChoice(answers::get, c -> java.util.Map.of("name", "b", "region", "south").get(c)));
    assertFalse(e.testChoice(answers::get, c -> java.util.Map.of("name", "b").get(c)), "a column the choice lacks is empty");
    // elsewhere a bare name stays outside the subset
    FormExpression.ExpressionException x =
        assertThrows(FormExpression.ExpressionException.class, () -> FormExpression.parse("region = ${region}"));
    assertTrue(x.unsupported(), x.getMessage());
  }
}
