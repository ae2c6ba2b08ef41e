package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mtm validate} as a black box on a small form and its data. */
class ValidateCommandTest {

  @TempDir Path dir;
  Path survey;

  @BeforeEach
  void writeForm() throws IOException {
    survey = dir.resolve("survey.csv");
    Files.writeString(survey,
        "type,name,label,relevant,constraint,required\n"
            + "select_one yn,consent,Consent,,,true\n"
            + "integer,age,Age,\"selected(${consent}, 'yes')\",. >= 18,true\n"
            + "select_multiple needs,needs,Needs,${age} >= 18,,\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("choices.csv"),
        "list_name,name,label\nyn,yes,Yes\nyn,no,No\nneeds,food,Food\nneeds,water,Water\n", StandardCharsets.UTF_8);
  }

  @Test
  void dataThatFitExitZero() throws IOException {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "consent;age;needs;_uuid\nyes;30;food water;a\nno;;;b\nyes;dnk;;c\n", StandardCharsets.UTF_8);
    MtmTest.Run r = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString());
    assertEquals(0, r.status(), r.err() + r.out());
    assertTrue(r.out().contains("rows read: 3\nrows used: 3\nerrors: 0\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void anAnswerItsChoiceFilterWouldNotOfferIsAnError() throws IOException {
    Path form = dir.resolve("cascade").resolve("survey.csv");
    Files.createDirectories(form.getParent());
    Files.writeString(form,
        "type,name,label,choice_filter\n"
            + "select_one region,region,Region,\n"
            + "select_one district,district,District,region=${region}\n",
        StandardCharsets.UTF_8);
    Files.writeString(form.resolveSibling("choices.csv"),
        "list_name,name,label,region\nregion,north,North,\nregion,south,South,\n"
            + "district,n1,N1,north\ndistrict,s1,S1,south\ndistrict,other,Other,north\ndistrict,other,Other,south\n",
        StandardCharsets.UTF_8);
    Path data = dir.resolve("cascade.csv");
    // "other" stands under both regions: the form keeps its first row (north), so it is not judged
    Files.writeString(data, "region,district\nnorth,n1\nnorth,s1\nsouth,other\n", StandardCharsets.UTF_8);
    MtmTest.Run r = MtmTest.mtm("validate", "--form", form.toString(), "--data", data.toString());
    assertEquals(2, r.status(), r.out());
    assertEquals("mtm: error: " + data + ":3:0: column 'district': not among the choices its choice_filter"
        + " 'region=${region}' offers given region = 'north': 's1'", r.err().strip());
  }

  @Test
  void dataThatDoNotFitExitTwoWithTheFirstProblemOnOneLine() throws IOException {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "consent,age,needs\nyes,16,food\nmaybe,40,food\nyes,,\nyes,20,fire\n",
        Charset.forName("windows-1252"));
    MtmTest.Run r = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString());
    assertEquals(2, r.status());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("mtm: error: " + data + ":2:2: column 'age': fails its constraint . >= 18: '16'"
        + " (and 3 more errors: the data do not fit the form; see the report)", r.err().strip());
    assertTrue(r.out().contains("error: " + data + ":3:1: column 'consent': not a choice of list 'yn': 'maybe'"), r.out());
    assertTrue(r.out().contains("error: " + data + ":4:2: column 'age': required answer missing"), r.out());
    assertTrue(r.out().contains("error: " + data + ":5:3: column 'needs': 'fire' is not an option of list 'needs': 'fire'"), r.out());
  }

  @Test
  void eligibilityIsCheckedWhenCriteriaAreGiven() throws IOException {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "consent,age,nationality,_uuid\nyes,30,UZB,a\nyes,25,KAZ,b\nyes,19,Narnia,c\n",
        StandardCharsets.UTF_8);
    MtmTest.Run r = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString(), "--min-age", "18",
        "--exclude-nationality", "KAZ");
    assertEquals(2, r.status(), r.out());
    assertTrue(r.out().contains("eligible rows: 1 of 3"), r.out());
    assertTrue(r.out().contains("error: " + data + ":3:0: not eligible ("), r.out());
    assertTrue(r.out().contains("error: " + data + ":4:0: column 'nationality': not a known country: 'Narnia'"), r.out());
    MtmTest.Run ok = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString(), "--min-age", "18");
    assertEquals(0, ok.status(), ok.out() + ok.err());
    MtmTest.Run noVar = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString(), "--exclude-nationality", "KAZ",
        "--nationality-var", "citizenship");
    assertEquals(2, noVar.status());
    assertTrue(noVar.err().startsWith("mtm: error: --nationality-var: no variable 'citizenship'"), noVar.err());
  }

  @Test
  void jsonReport() throws IOException {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "consent,age\nyes,16\n", StandardCharsets.UTF_8);
    MtmTest.Run r = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString(), "--format", "json");
    assertEquals(2, r.status());
    assertTrue(r.out().startsWith("{\"file\":\"" + data.toString().replace("\\", "\\\\") + "\",\"format\":\"KoBo CSV export\""), r.out());
    assertTrue(r.out().contains("\"ok\":false"), r.out());
    assertTrue(r.out().contains("\"line\":2,\"column\":2,\"column_name\":\"age\",\"value\":\"16\""), r.out());
  }

  @Test
  void unreadableInputIsOneLineWithoutStackTrace() throws IOException {
    Path data = dir.resolve("broken.csv");
    Files.writeString(data, "consent,age\nyes,\"30\n", StandardCharsets.UTF_8);
    MtmTest.Run r = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString());
    assertEquals(2, r.status());
    assertEquals("mtm: error: " + data + ":2:2: column 'age': a quoted field is not closed before the end of the file",
        r.err().strip());
    assertFalse(r.err().contains("at org."), r.err());
    MtmTest.Run missing = MtmTest.mtm("validate", "--form", dir.resolve("nope.xlsx").toString(), "--data", data.toString());
    assertEquals(2, missing.status());
    assertTrue(missing.err().startsWith("mtm: error: " + dir.resolve("nope.xlsx") + ":0:0: "), missing.err());
    MtmTest.Run badFormat = MtmTest.mtm("validate", "--form", survey.toString(), "--data", data.toString(), "--format", "xml");
    assertEquals(2, badFormat.status());
  }
}
