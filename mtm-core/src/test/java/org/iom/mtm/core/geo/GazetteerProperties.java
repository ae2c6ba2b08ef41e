package org.iom.mtm.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GazetteerProperties {
  private static final Gazetteer KZ = Gazetteer.kazakhstan();

  @Provide
  Arbitrary<AdminArea> regions() {
    return Arbitraries.of(KZ.atLevel(1));
  }

  @Provide
  Arbitrary<String> separators() {
    return Arbitraries.of(" ", "-", "_", "  ", ".", " - ");
  }

  /** Case, spacing and punctuation never change what a name resolves to. */
  @Property
  void resolutionIgnoresCaseAndPunctuation(
      @ForAll("regions") AdminArea a, @ForAll("separators") String sep, @ForAll boolean upper) {
    String mangled = a.name().replace(" ", sep);
    mangled = upper ? mangled.toUpperCase(Locale.ROOT) : mangled.toLowerCase(Locale.ROOT);
    assertEquals(a, KZ.resolve("  " + mangled + " ", 1));
  }

  /** A district resolves within its region whichever of the region's spellings names it. */
  @Property
  void districtsResolveWithinAnySpellingOfTheirRegion(@ForAll("regions") AdminArea region) {
    for (AdminArea d : KZ.children(region.pcode())) {
      assertEquals(d, KZ.resolveWithin(d.name(), region.iso()));
      for (String alt : region.alternativeNames()) {
        assertEquals(d, KZ.resolveWithin(d.name().toUpperCase(Locale.ROOT), alt));
      }
    }
  }
}
