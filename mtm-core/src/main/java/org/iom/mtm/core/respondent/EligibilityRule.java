package org.iom.mtm.core.respondent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.mtm.core.Round;
import org.iom.mtm.core.geo.Country;

/**
 * A named rule over a respondent's attributes: a record passes it or fails it with a reason. The
 * seed's criteria are {@link MinimumAge}, {@link ExcludedNationalities} and {@link
 * NotInterviewedBefore}; {@link #of(String, Function)} makes another.
 */
public interface EligibilityRule {

  /**
   * The rule's name, as reports and {@link Ineligibility#rule()} give it.
   *
   * @return the name
   */
  String name();

  /**
   * Checks one record.
   *
   * @param respondent the record
   * @return empty when the record passes, else the reason it fails
   */
  Optional<Ineligibility> check(Respondent respondent);

  /**
   * A rule from a function that returns the reason a record fails, or empty when it passes.
   *
   * @param name the rule's name, not blank
   * @param reasonIfFailing the check
   * @return the rule
   * @throws IllegalArgumentException when the name is blank
   */
  static EligibilityRule of(String name, Function<Respondent, Optional<String>> reasonIfFailing) {
    Objects.requireNonNull(name, "rule name");
    Objects.requireNonNull(reasonIfFailing, "check");
    if (name.isBlank()) {
      throw new IllegalArgumentException("rule name is blank: '" + name + "'");
    }
    return new EligibilityRule() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<Ineligibility> check(Respondent respondent) {
        return reasonIfFailing.apply(respondent).map(r -> new Ineligibility(name, r));
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  /**
   * Age at least a minimum. A record without an age fails with the reason {@code age missing},
   * never with the reason of an age under the minimum.
   *
   * @param years the minimum age in completed years
   */
  record MinimumAge(int years) implements EligibilityRule {
    /**
     * Checks the minimum.
     *
     * @throws IllegalArgumentException naming the value when negative
     */
    public MinimumAge {
      if (years < 0) {
        throw new IllegalArgumentException("minimum age " + years + " is negative");
      }
    }

    @Override
    public String name() {
      return "minimum_age";
    }

    @Override
    public Optional<Ineligibility> check(Respondent r) {
      if (r.age() == null) {
        return Optional.of(new Ineligibility(name(), "age missing"));
      }
      if (r.age() < years) {
        return Optional.of(new Ineligibility(name(), "age " + r.age() + " under " + years));
      }
      return Optional.empty();
    }
  }

  /**
   * Nationality not among some countries (the host country, for a survey of international
   * migrants). A record without a nationality fails with the reason {@code nationality missing}.
   *
   * @param excluded the excluded nationalities, at least one
   */
  record ExcludedNationalities(Set<Country> excluded) implements EligibilityRule {
    /**
     * Copies the set.
     *
     * @throws IllegalArgumentException when the set is empty
     */
    public ExcludedNationalities {
      excluded = Set.copyOf(new LinkedHashSet<>(excluded));
      if (excluded.isEmpty()) {
        throw new IllegalArgumentException("the excluded nationalities are empty: []");
      }
    }

    /**
     * Nationalities excluded by alpha-3 code.
     *
     * @param alpha3 the codes ({@code KAZ})
     * @return the rule
     * @throws IllegalArgumentException naming the code that is not ISO 3166-1 alpha-3
     */
    public static ExcludedNationalities of(String... alpha3) {
      return new ExcludedNationalities(
          List.of(alpha3).stream().map(Country::of).collect(Collectors.toSet()));
    }

    @Override
    public String name() {
      return "nationality";
    }

    @Override
    public Optional<Ineligibility> check(Respondent r) {
      Country c = r.nationality();
      if (c == null) {
        return Optional.of(new Ineligibility(name(), "nationality missing"));
      }
      if (excluded.contains(c)) {
        return Optional.of(new Ineligibility(name(), "nationality " + c.alpha3() + " excluded"));
      }
      return Optional.empty();
    }
  }

  /**
   * Not interviewed before in a round. A record of this round whose respondent says they were
   * interviewed before in it fails; a record of another round fails too, since the rule cannot
   * vouch for it.
   *
   * @param round the round being screened
   */
  record NotInterviewedBefore(Round round) implements EligibilityRule {
    /**
     * Checks the round.
     *
     * @throws NullPointerException when the round is null
     */
    public NotInterviewedBefore {
      Objects.requireNonNull(round, "round");
    }

    @Override
    public String name() {
      return "not_interviewed_before";
    }

    @Override
    public Optional<Ineligibility> check(Respondent r) {
      if (!r.round().id().equals(round.id())) {
        return Optional.of(
            new Ineligibility(name(), "record of round " + r.round().id() + ", not " + round.id()));
      }
      if (r.previouslyInterviewed()) {
        return Optional.of(new Ineligibility(name(), "interviewed before in round " + round.id()));
      }
      return Optional.empty();
    }
  }
}
