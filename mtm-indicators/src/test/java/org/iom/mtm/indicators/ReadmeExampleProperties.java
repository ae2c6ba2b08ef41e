package org.iom.mtm.indicators;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.iom.mtm.testkit.DesignedSample;
import org.junit.jupiter.api.Assertions;

/** The downstream property of the README, verbatim but for the class name: it must keep working. */
class ReadmeExampleProperties {
  @Property
  void sharesLieInTheUnitInterval(@ForAll("samples") DesignedSample s) {
    var table = org.iom.mtm.indicators.estimate.Estimation
        .of(org.iom.mtm.indicators.design.SurveyDesign.builder(s.data())
            .strata("stratum").ids("psu").weights("weight").build())
        .multi("m").by("sex").run();
    table.rows().forEach(r -> {
      if (r.stat() != null) Assertions.assertTrue(r.stat() >= 0 && r.stat() <= 1);
    });
  }

  @Provide Arbitrary<DesignedSample> samples() { return DesignedSample.samples(); }
}
