package org.iom.mtm.core.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class QuestionTypeTest {

  @ParameterizedTest
  @EnumSource(QuestionType.class)
  void everyTypeParsesFromItsSpecSpellingItsConstantNameAndUpperCase(QuestionType t) {
    assertEquals(t, QuestionType.parse(t.xlsForm()));
    assertEquals(t, QuestionType.parse(t.name()));
    assertEquals(t, QuestionType.parse(t.xlsForm().toUpperCase(Locale.ROOT)));
    assertEquals(t, QuestionType.parse(" " + t.xlsForm().replace('_', ' ') + " "));
  }

  @Property
  void everyTypeRoundTripsThroughTheTypeCell(@ForAll QuestionType t) {
    TypeDeclaration d = t.isSelect() ? new TypeDeclaration(t, "list_a", false) : TypeDeclaration.of(t);
    assertEquals(d, TypeDeclaration.parse(d.toXlsForm()));
  }

  @ParameterizedTest
  @CsvSource({
    "begin group, BEGIN_GROUP",
    "begin_group, BEGIN_GROUP",
    "Begin Group, BEGIN_GROUP",
    "end group, END_GROUP",
    "begin repeat, BEGIN_REPEAT",
    "begin_repeat, BEGIN_REPEAT",
    "end_repeat, END_REPEAT",
    "begin loop, BEGIN_REPEAT",
    "dateTime, DATETIME",
    "datetime, DATETIME",
    "int, INTEGER",
    "string, TEXT",
    "photo, IMAGE",
    "gps, GEOPOINT",
    "trigger, ACKNOWLEDGE",
    "imei, DEVICEID",
    "start-geopoint, START_GEOPOINT",
    "start_geopoint, START_GEOPOINT",
    "background-audio, BACKGROUND_AUDIO",
    "xml-external, XML_EXTERNAL",
    "phone number, PHONENUMBER",
    "calculation, CALCULATE",
  })
  void alternativeSpellings(String spelling, QuestionType expected) {
    assertEquals(expected, QuestionType.parse(spelling));
    assertEquals(expected, TypeDeclaration.parse(spelling).type());
  }

  @Test
  void selectOneWithListAndOrOther() {
    TypeDeclaration d = TypeDeclaration.parse("select_one Yes_No or_other");
    assertEquals(QuestionType.SELECT_ONE, d.type());
    assertEquals("Yes_No", d.listName());
    assertTrue(d.orOther());
    assertEquals("select_one Yes_No or_other", d.toXlsForm());

    TypeDeclaration m = TypeDeclaration.parse("select all that apply   reasons");
    assertEquals(QuestionType.SELECT_MULTIPLE, m.type());
    assertEquals("reasons", m.listName());
    assertFalse(m.orOther());

    TypeDeclaration s = TypeDeclaration.parse("select one sex");
    assertEquals(QuestionType.SELECT_ONE, s.type());
    assertEquals("sex", s.listName());

    TypeDeclaration f = TypeDeclaration.parse("select_one_from_file districts.csv");
    assertEquals(QuestionType.SELECT_ONE_FROM_FILE, f.type());
    assertEquals("districts.csv", f.listName());

    TypeDeclaration r = TypeDeclaration.parse("rank priorities");
    assertEquals(QuestionType.RANK, r.type());
  }

  @Test
  void plainTypesCarryNoList() {
    TypeDeclaration d = TypeDeclaration.parse("integer");
    assertEquals(QuestionType.INTEGER, d.type());
    assertNull(d.listName());
    assertFalse(d.orOther());
  }

  @Test
  void badTypeCellsNameTheCell() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> TypeDeclaration.parse("selct_one yes_no"));
    assertTrue(unknown.getMessage().contains("'selct_one yes_no'"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("select_one"), unknown.getMessage());

    IllegalArgumentException noList =
        assertThrows(IllegalArgumentException.class, () -> TypeDeclaration.parse("select_one"));
    assertTrue(noList.getMessage().contains("'select_one'"), noList.getMessage());

    IllegalArgumentException extra =
        assertThrows(IllegalArgumentException.class, () -> TypeDeclaration.parse("integer age"));
    assertTrue(extra.getMessage().contains("'integer age'"), extra.getMessage());

    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class, () -> TypeDeclaration.parse("select_one a b c"));
    assertTrue(tooMany.getMessage().contains("'select_one a b c'"), tooMany.getMessage());

    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> TypeDeclaration.parse("  "));
    assertTrue(blank.getMessage().contains("'  '"), blank.getMessage());

    IllegalArgumentException bare =
        assertThrows(IllegalArgumentException.class, () -> QuestionType.parse("numbr"));
    assertTrue(bare.getMessage().contains("'numbr'"), bare.getMessage());

    assertThrows(NullPointerException.class, () -> TypeDeclaration.parse(null));
    assertThrows(
        IllegalArgumentException.class, () -> new TypeDeclaration(QuestionType.TEXT, "x", false));
    assertThrows(
        IllegalArgumentException.class, () -> new TypeDeclaration(QuestionType.TEXT, null, true));
  }

  @Test
  void classification() {
    assertTrue(QuestionType.SELECT_ONE.needsChoiceList());
    assertFalse(QuestionType.SELECT_ONE_FROM_FILE.needsChoiceList());
    assertTrue(QuestionType.SELECT_ONE_FROM_FILE.isSelect());
    assertTrue(QuestionType.DECIMAL.isNumeric());
    assertTrue(QuestionType.BEGIN_REPEAT.isStructure());
    assertTrue(QuestionType.DEVICEID.isMetadata());
    assertFalse(QuestionType.NOTE.holdsData());
    assertTrue(QuestionType.CALCULATE.holdsData());
  }
}
