package org.iom.mtm.core.respondent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.iom.mtm.core.Round;
import org.iom.mtm.core.Sex;
import org.iom.mtm.core.geo.Country;
import org.junit.jupiter.api.Test;

class EligibilityTest {
  private static final Round R = Round.mtmKazakhstan2023();
  private static final EligibilityCriteria SEED = EligibilityCriteria.mtmKazakhstan2023();

  @Test
  void theSeedsThreeCriteria() {
    assertEquals(
        List.of("minimum_age", "nationality", "not_interviewed_before"),
        SEED.rules().stream().map(EligibilityRule::name).toList());
    assertTrue(SEED.screen(new Respondent("a", 18, Sex.FEMALE, Country.of("UZB"), R, false)).eligible());
    assertEquals(
        List.of(new Ineligibility("minimum_age", "age 17 under 18")),
        SEED.screen(new Respondent("b", 17, Sex.MALE, Country.of("UZB"), R, false)).reasons());
  }

  @Test
  void everyReasonNotOnlyTheFirst() {
    Screening s = SEED.screen(new Respondent("c", null, null, Country.of("KAZ"), R, true));
    assertEquals(
        List.of(
            new Ineligibility("minimum_age", "age missing"),
            new Ineligibility("nationality", "nationality KAZ excluded"),
            new Ineligibility("not_interviewed_before", "interviewed before in round KAZ-2023-R1")),
        s.reasons());
    Screening noNationality = SEED.screen(new Respondent("d", 40, null, null, R, false));
    assertEquals(List.of(new Ineligibility("nationality", "nationality missing")), noNationality.reasons());
  }

  @Test
  void configurableAndExtensible() {
    Round r2 = Round.of("UZB-2024", "2024-01-01", "2024-01-31");
    EligibilityCriteria c =
        EligibilityCriteria.of(16, Set.of(Country.of("UZB")), r2)
            .and(EligibilityRule.of("sex_given", p -> p.sex() == null ? Optional.of("sex missing") : Optional.empty()));
    Respondent p = new Respondent("e", 16, null, Country.of("KAZ"), r2, false);
    assertEquals(List.of("sex_given"), c.screen(p).failedRules());
    Respondent other = new Respondent("f", 30, Sex.OTHER, Country.of("KAZ"), R, false);
    assertEquals("record of round KAZ-2023-R1, not UZB-2024", c.screen(other).reasons().get(0).reason());
    List<Screening> all = c.screen(List.of(p, other));
    assertEquals(
        Map.of("minimum_age", 0, "nationality", 0, "not_interviewed_before", 1, "sex_given", 1),
        c.exclusionsByRule(all));
    assertEquals(
        List.of(Country.of("KAZ")), List.copyOf(EligibilityRule.ExcludedNationalities.of("kaz").excluded()));
  }

  @Test
  void badInputIsRefusedNamingTheValue() {
    IllegalArgumentException age =
        assertThrows(IllegalArgumentException.class, () -> new Respondent("g", -1, null, null, R, false));
    assertTrue(age.getMessage().contains("-1") && age.getMessage().contains("g"), age.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Respondent("g", 131, null, null, R, false));
    assertThrows(IllegalArgumentException.class, () -> new Respondent(" ", 20, null, null, R, false));
    assertThrows(NullPointerException.class, () -> new Respondent("g", 20, null, null, null, false));
    IllegalArgumentException min =
        assertThrows(IllegalArgumentException.class, () -> new EligibilityRule.MinimumAge(-5));
    assertTrue(min.getMessage().contains("-5"), min.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new EligibilityRule.ExcludedNationalities(Set.of()));
    IllegalArgumentException code =
        assertThrows(IllegalArgumentException.class, () -> EligibilityRule.ExcludedNationalities.of("KZ1"));
    assertTrue(code.getMessage().contains("'KZ1'"), code.getMessage());
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> SEED.and(new EligibilityRule.MinimumAge(20)));
    assertTrue(twice.getMessage().contains("'minimum_age'"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> EligibilityRule.of(" ", p -> Optional.empty()));
  }
}
