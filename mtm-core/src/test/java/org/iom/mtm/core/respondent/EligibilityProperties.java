package org.iom.mtm.core.respondent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iom.mtm.core.Round;
import org.iom.mtm.core.Sex;
import org.iom.mtm.core.geo.Country;

class EligibilityProperties {
  private static final Round R1 = Round.mtmKazakhstan2023();
  private static final Round R2 = Round.of("KAZ-2024-R2", "2024-03-01", "2024-05-31");

  @Provide
  Arbitrary<Respondent> respondents() {
    Arbitrary<Integer> age = Arbitraries.integers().between(0, Respondent.MAX_AGE).injectNull(0.2);
    Arbitrary<Sex> sex = Arbitraries.of(Sex.class).injectNull(0.2);
    Arbitrary<Country> nat =
        Arbitraries.of("KAZ", "UZB", "RUS", "TJK", "KGZ", "AZE").map(Country::of).injectNull(0.2);
    Arbitrary<Round> round = Arbitraries.of(R1, R2);
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8), age, sex, nat, round,
            Arbitraries.of(true, false))
        .as(Respondent::new);
  }

  /** The reasons are exactly the rules the record fails, each rule once, in the rules' order. */
  @Property
  void reasonsAreExactlyTheFailingRules(@ForAll("respondents") Respondent r) {
    Screening s = EligibilityCriteria.mtmKazakhstan2023().screen(r);
    Set<String> expected = new LinkedHashSet<>();
    if (r.age() == null || r.age() < 18) {
      expected.add("minimum_age");
    }
    if (r.nationality() == null || r.nationality().alpha3().equals("KAZ")) {
      expected.add("nationality");
    }
    if (!r.round().equals(R1) || r.previouslyInterviewed()) {
      expected.add("not_interviewed_before");
    }
    assertEquals(List.copyOf(expected), s.failedRules());
    assertEquals(expected.isEmpty(), s.eligible());
    if (r.age() == null) {
      assertEquals("age missing", s.reasons().get(0).reason());
    }
  }

  /** Any criteria: a record fails a rule in the screening exactly when the rule alone rejects it. */
  @Property
  void screeningAgreesWithEachRuleAlone(
      @ForAll("respondents") Respondent r, @ForAll("minimumAges") int minAge) {
    EligibilityCriteria c = EligibilityCriteria.of(minAge, Set.of(Country.of("UZB"), Country.of("RUS")), R2);
    List<String> alone =
        c.rules().stream().filter(rule -> rule.check(r).isPresent()).map(EligibilityRule::name).toList();
    assertEquals(alone, c.screen(r).failedRules());
  }

  @Provide
  Arbitrary<Integer> minimumAges() {
    return Arbitraries.integers().between(0, 70);
  }
}
