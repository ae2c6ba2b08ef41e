package org.iom.mtm.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.iom.mtm.core.PopulationCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BaselineRecordTest {

  static final PopulationCategory MW = PopulationCategory.MIGRANT_WORKER;

  private static void refused(String expectedMessage, Executable e) {
    assertEquals(expectedMessage, assertThrows(IllegalArgumentException.class, e).getMessage());
  }

  @Test
  void normalisesCodes() {
    BaselineRecord r = BaselineRecord.of(" kaz014 ", "kaz014001", MW, "uzb ", 2022, 120, " ki-7 ");
    assertEquals(new BaselineRecord("KAZ014", "KAZ014001", MW, "UZB", 2022, 120, "ki-7"), r);
    assertNull(BaselineRecord.of("KAZ014", "KAZ014001", MW, "UZB", 2022, 0, null).informantId());
  }

  @Test
  void everyBadValueIsNamed() {
    refused("count -3 is negative", () -> BaselineRecord.of("KAZ014", "KAZ014001", MW, "UZB", 2022, -3, null));
    refused("year 1022 is outside 1900-2100",
        () -> BaselineRecord.of("KAZ014", "KAZ014001", MW, "UZB", 1022, 3, null));
    refused("nationality 'Uzbekistan' is not an ISO 3166-1 alpha-3 code (e.g. UZB)",
        () -> BaselineRecord.of("KAZ014", "KAZ014001", MW, "Uzbekistan", 2022, 3, null));
    refused("admin2 p-code 'KAZ 014001' is not a p-code: letters and digits only (e.g. KAZ004001)",
        () -> BaselineRecord.of("KAZ014", "KAZ 014001", MW, "UZB", 2022, 3, null));
    refused("admin1 p-code is empty", () -> BaselineRecord.of(" ", "KAZ014001", MW, "UZB", 2022, 3, null));
    refused("informant id is blank: use null for an unnamed informant",
        () -> BaselineRecord.of("KAZ014", "KAZ014001", MW, "UZB", 2022, 3, "  "));
    refused("record not normalised (use BaselineRecord.of): kaz014, KAZ014001, UZB, informant null",
        () -> new BaselineRecord("kaz014", "KAZ014001", MW, "UZB", 2022, 3, null));
    assertThrows(NullPointerException.class, () -> BaselineRecord.of("KAZ014", "KAZ014001", null, "UZB", 2022, 3, null));
  }

  @Test
  void declaredTotals() {
    DeclaredTotal region = DeclaredTotal.of("kaz014", "", MW, " ", 2022, 500, null);
    assertEquals(new DeclaredTotal("KAZ014", null, MW, null, 2022, 500, null), region);
    assertEquals("KAZ014 / migrant_worker / all nationalities / 2022", region.describe());
    assertEquals("country / migrant_worker / UZB / 2021",
        DeclaredTotal.of(null, null, MW, "UZB", 2021, 5, null).describe());
    refused("declared total names rayon KAZ014001 without its region (admin1 p-code)",
        () -> DeclaredTotal.of(null, "KAZ014001", MW, null, 2022, 5, null));
    refused("rayon KAZ014001 and nationality UZB are both given: that is a count, not a total",
        () -> DeclaredTotal.of("KAZ014", "KAZ014001", MW, "UZB", 2022, 5, null));
    refused("count -1 is negative", () -> DeclaredTotal.of("KAZ014", null, MW, null, 2022, -1, null));
  }

  @Test
  void countsCopyTheirLists() {
    List<BaselineRecord> l = new java.util.ArrayList<>();
    l.add(BaselineRecord.of("KAZ014", "KAZ014001", MW, "UZB", 2022, 3, null));
    BaselineCounts c = BaselineCounts.of(l);
    l.clear();
    assertEquals(1, c.records().size());
    assertEquals(List.of(), c.declaredTotals());
  }

  @Test
  void informantRoles() {
    assertEquals(InformantRole.RELIGIOUS_LEADER, InformantRole.ofCode("Religious leader"));
    assertEquals(InformantRole.LOCAL_AUTHORITY, InformantRole.ofCode("local-authority"));
    for (InformantRole r : InformantRole.values()) {
      assertEquals(r, InformantRole.ofCode(r.code()));
    }
    refused("unknown informant role 'imam': expected local_authority, community_leader, teacher,"
        + " religious_leader or other", () -> InformantRole.ofCode("imam"));
  }

  @Test
  void keyInformants() {
    KeyInformant k = KeyInformant.of(" KI-1 ", org.iom.mtm.core.Sex.FEMALE, InformantRole.TEACHER);
    assertEquals(new KeyInformant("KI-1", org.iom.mtm.core.Sex.FEMALE, InformantRole.TEACHER), k);
    assertNull(KeyInformant.of("KI-2", null, null).sex());
    refused("informant id is blank: use null for an unnamed informant", () -> KeyInformant.of(" ", null, null));
    refused("informant id ' KI-1' is blank or has surrounding blanks", () -> new KeyInformant(" KI-1", null, null));
    refused("informant 'KI-1' is described twice",
        () -> new BaselineCounts(List.of(), List.of(), List.of(k, KeyInformant.of("KI-1", null, null))));
    assertEquals(List.of(k), new BaselineCounts(List.of(), List.of(), List.of(k)).informants());
  }
}
