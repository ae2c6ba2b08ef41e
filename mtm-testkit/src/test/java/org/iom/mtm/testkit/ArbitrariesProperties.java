package org.iom.mtm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.form.Questionnaire;
import org.iom.mtm.core.geo.AdminArea;
import org.iom.mtm.core.geo.Country;
import org.iom.mtm.core.geo.Gazetteer;

class ArbitrariesProperties {

  @Provide
  Arbitrary<SurveyData> data() {
    return SurveyArbitraries.surveyData();
  }

  @Provide
  Arbitrary<DesignedSample> samples() {
    return DesignedSample.samples();
  }

  @Provide
  Arbitrary<Gazetteer> gazetteers() {
    return GeoArbitraries.gazetteers();
  }

  @Provide
  Arbitrary<Questionnaire> forms() {
    return FormArbitraries.questionnaires();
  }

  @Provide
  Arbitrary<Country> nationalities() {
    return GeoArbitraries.nationalities();
  }

  @Property(tries = 200)
  void surveyDataColumnsShareTheRowCountAndStateCountsAddUp(@ForAll("data") SurveyData d) {
    for (Column c : d.columns()) {
      assertEquals(d.rowCount(), c.size());
      int total = 0;
      for (int k : c.stateCounts()) {
        total += k;
      }
      assertEquals(d.rowCount(), total);
    }
  }

  @Property(tries = 200)
  void designedSamplesNestPsusInStrataWithAtLeastTwoEach(@ForAll("samples") DesignedSample s) {
    CategoricalColumn stratum = s.data().categorical("stratum");
    NumericColumn psu = s.data().numeric("psu");
    NumericColumn fpc = s.data().numeric("fpc");
    Map<Double, Integer> stratumOfPsu = new HashMap<>();
    Map<Integer, java.util.Set<Double>> psusOfStratum = new HashMap<>();
    for (int i = 0; i < s.data().rowCount(); i++) {
      Integer before = stratumOfPsu.putIfAbsent(psu.value(i), stratum.code(i));
      assertTrue(before == null || before == stratum.code(i), "PSU in two strata");
      psusOfStratum.computeIfAbsent(stratum.code(i), k -> new java.util.HashSet<>()).add(psu.value(i));
      assertTrue(s.data().numeric("weight").value(i) > 0);
    }
    assertEquals(s.strata(), psusOfStratum.size());
    assertEquals(s.psus(), stratumOfPsu.size());
    for (int i = 0; i < s.data().rowCount(); i++) {
      assertTrue(fpc.value(i) >= psusOfStratum.get(stratum.code(i)).size());
    }
  }

  @Property(tries = 100)
  void generatedGazetteersResolveEveryAreaByNameAndPcode(@ForAll("gazetteers") Gazetteer g) {
    for (AdminArea a : g.areas()) {
      assertEquals(a.pcode(), g.resolve(a.name()).pcode());
      assertEquals(a.pcode(), g.resolve(a.pcode()).pcode());
      if (a.level() == 2) {
        assertEquals(a.parentPcode(), g.ancestorAt(a.pcode(), 1).pcode());
      }
    }
  }

  @Property(tries = 100)
  void questionnairesKeepEveryChoiceListTheyName(@ForAll("forms") Questionnaire q) {
    q.questions().stream()
        .filter(x -> x.listName() != null)
        .forEach(x -> assertEquals(3, q.choiceList(x.listName()).size()));
    assertTrue(!q.questions().isEmpty());
  }

  @Property(tries = 50)
  void nationalitiesAreIsoAlpha3(@ForAll("nationalities") Country c) {
    assertEquals(c, Country.of(c.alpha3()));
  }

  @Provide
  Arbitrary<java.util.List<org.iom.mtm.core.baseline.BaselineRecord>> baselines() {
    return Arbitraries.oneOf(BaselineArbitraries.kazakhstanBaselines(), BaselineArbitraries.generatedBaselines());
  }

  @Property(tries = 100)
  void baselinesHaveSeveralInformantsPerCellInRealDistricts(
      @ForAll("baselines") java.util.List<org.iom.mtm.core.baseline.BaselineRecord> records) {
    assertTrue(!records.isEmpty());
    java.util.Map<String, java.util.Set<String>> informants = new HashMap<>();
    for (var r : records) {
      assertTrue(r.admin2Pcode().startsWith(r.admin1Pcode()), r.toString());
      assertTrue(r.count() >= 0);
      informants.computeIfAbsent(r.admin2Pcode() + r.nationality() + r.year(), k -> new java.util.HashSet<>())
          .add(r.informantId());
    }
    informants.values().forEach(ids -> assertTrue(ids.size() >= 1 && ids.size() <= 3));
  }
}
