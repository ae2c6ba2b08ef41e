package org.iom.mtm.io.dtm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.kobo.SurveyRead;
import org.junit.jupiter.api.Test;

/** DTM API v3 envelopes, with the field names of its admin-level IDP endpoints. */
class DtmReaderTest {

  static SurveyRead read(String json) {
    return DtmReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "dtm.json");
  }

  @Test
  void successfulResponseBecomesATable() {
    SurveyRead r = read("{\"isSuccess\": true, \"errorMessages\": [],\n\"result\": [\n"
        + "{\"id\": 1, \"admin0Name\": \"Somalia\", \"admin0Pcode\": \"SOM\", \"admin1Name\": \"Bay\","
        + " \"admin1Pcode\": \"SO25\", \"numPresentIdpInd\": 12345, \"reportingDate\": \"2023-05-01T00:00:00\", \"roundNumber\": 3},\n"
        + "{\"id\": 2, \"admin0Name\": \"Somalia\", \"admin0Pcode\": \"SOM\", \"admin1Name\": \"Gedo\","
        + " \"admin1Pcode\": \"SO23\", \"numPresentIdpInd\": null, \"reportingDate\": \"2023-05-01T00:00:00\", \"roundNumber\": 3}\n]}");
    SurveyData d = r.data();
    assertEquals(2, d.rowCount());
    assertEquals(12345.0, d.numeric("numPresentIdpInd").value(0));
    assertEquals(org.iom.mtm.core.data.AnswerState.MISSING, d.numeric("numPresentIdpInd").state(1), "null is missing, not 0");
    assertEquals("SO23", d.text("admin1Pcode").text(1));
    assertTrue(r.report().ok());
  }

  /**
   * A record with every field of the admin 0 endpoint ({@code IdpAdmin0Data/GetAdmin0Datav2}) as
   * public clients of the API declare them (checked 2026-11-26 against the TypeScript typing of an
   * open-source client, {@code id, operation, admin0Name, admin0Pcode, numPresentIdpInd,
   * reportingDate, yearReportingDate, monthReportingDate, roundNumber, assessmentType}, and the
   * envelope {@code isSuccess, errorMessages, result} of IOM's own Python client {@code dtmapi});
   * the values are made up.
   */
  @Test
  void adminZeroRecordKeepsEveryField() {
    SurveyRead r = read("{\"isSuccess\": true, \"errorMessages\": [], \"result\": [{\"id\": 7,"
        + " \"operation\": \"Displacement due to conflict\", \"admin0Name\": \"Ethiopia\","
        + " \"admin0Pcode\": \"ETH\", \"numPresentIdpInd\": 2000, \"reportingDate\": \"2024-03-31T00:00:00\","
        + " \"yearReportingDate\": 2024, \"monthReportingDate\": 3, \"roundNumber\": 35,"
        + " \"assessmentType\": \"BA\"}]}");
    SurveyData d = r.data();
    assertEquals(java.util.List.of("id", "operation", "admin0Name", "admin0Pcode", "numPresentIdpInd",
        "reportingDate", "yearReportingDate", "monthReportingDate", "roundNumber", "assessmentType"), d.names());
    assertEquals(2000.0, d.numeric("numPresentIdpInd").value(0));
    assertEquals(35.0, d.numeric("roundNumber").value(0));
    assertEquals(3.0, d.numeric("monthReportingDate").value(0));
    assertEquals("Displacement due to conflict", d.text("operation").text(0));
    assertEquals("BA", d.text("assessmentType").text(0));
    assertTrue(r.report().ok());
  }

  @Test
  void failureIsRefusedWithTheApiMessages() {
    ReadException e = assertThrows(ReadException.class, () -> read(
        "{\"isSuccess\": false, \"errorMessages\": [\"Invalid admin0Pcode\", \"Missing period\"], \"result\": null}"));
    assertEquals("dtm.json:0:0: the DTM API reported failure: Invalid admin0Pcode; Missing period", e.getMessage());
    ReadException notDtm = assertThrows(ReadException.class, () -> read("{\"results\": []}"));
    assertTrue(notDtm.getMessage().contains("isSuccess"), notDtm.getMessage());
    ReadException malformed = assertThrows(ReadException.class, () -> read("{\"isSuccess\": tru}"));
    assertTrue(malformed.getMessage().startsWith("dtm.json:1:"), malformed.getMessage());
  }
}
