package org.iom.mtm.core.respondent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.iom.mtm.core.Round;
import org.iom.mtm.core.geo.Country;

/**
 * The rules a survey record must pass to be counted, applied all at once so that a record
 * excluded for several reasons shows them all. Immutable.
 */
public final class EligibilityCriteria {
  private final List<EligibilityRule> rules;

  private EligibilityCriteria(List<EligibilityRule> rules) {
    this.rules = rules;
  }

  /**
   * The inclusion criteria of IOM's MTM survey of international migrant workers in Kazakhstan
   * (Dec 2022 - Feb 2023): aged 18 or over, nationality not Kazakh, not interviewed before in the
   * same round.
   *
   * @return the criteria for round {@link Round#mtmKazakhstan2023()}
   */
  public static EligibilityCriteria mtmKazakhstan2023() {
    return of(18, Set.of(Country.of("KAZ")), Round.mtmKazakhstan2023());
  }

  /**
   * The seed's three rules with other parameters.
   *
   * @param minimumAge the minimum age in completed years
   * @param excludedNationalities the nationalities not surveyed, at least one
   * @param round the round screened
   * @return the criteria
   * @throws IllegalArgumentException naming the value when the age is negative or the set empty
   */
  public static EligibilityCriteria of(int minimumAge, Set<Country> excludedNationalities, Round round) {
    return of(
        List.of(
            new EligibilityRule.MinimumAge(minimumAge),
            new EligibilityRule.ExcludedNationalities(excludedNationalities),
            new EligibilityRule.NotInterviewedBefore(round)));
  }

  /**
   * Criteria from any rules.
   *
   * @param rules the rules, names distinct
   * @return the criteria
   * @throws IllegalArgumentException naming the rule whose name repeats
   */
  public static EligibilityCriteria of(List<? extends EligibilityRule> rules) {
    List<EligibilityRule> copy = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (EligibilityRule r : copy) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("eligibility rule '" + r.name() + "' appears twice");
      }
    }
    return new EligibilityCriteria(copy);
  }

  /**
   * These criteria and one more rule.
   *
   * @param rule the added rule
   * @return new criteria
   * @throws IllegalArgumentException when a rule of that name is already there
   */
  public EligibilityCriteria and(EligibilityRule rule) {
    List<EligibilityRule> more = new ArrayList<>(rules);
    more.add(Objects.requireNonNull(rule, "rule"));
    return of(more);
  }

  /**
   * The rules in order.
   *
   * @return an immutable list
   */
  public List<EligibilityRule> rules() {
    return rules;
  }

  /**
   * Screens one record against every rule.
   *
   * @param respondent the record
   * @return eligible, or all the reasons it is not
   */
  public Screening screen(Respondent respondent) {
    Objects.requireNonNull(respondent, "respondent");
    List<Ineligibility> reasons = new ArrayList<>();
    for (EligibilityRule r : rules) {
      r.check(respondent).ifPresent(reasons::add);
    }
    return new Screening(respondent, reasons);
  }

  /**
   * Screens records.
   *
   * @param respondents the records
   * @return one screening per record, in order
   */
  public List<Screening> screen(List<Respondent> respondents) {
    return respondents.stream().map(this::screen).toList();
  }

  /**
   * How many records each rule excludes (a record failing two rules counts under both), for the
   * exclusion table of a report.
   *
   * @param screenings screenings by these criteria
   * @return counts by rule name, in the rules' order, zero counts included
   */
  public Map<String, Integer> exclusionsByRule(List<Screening> screenings) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    rules.forEach(r -> counts.put(r.name(), 0));
    for (Screening s : screenings) {
      for (String rule : s.failedRules()) {
        counts.merge(rule, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Override
  public String toString() {
    return "EligibilityCriteria" + rules;
  }
}
