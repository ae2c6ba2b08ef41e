package org.iom.mtm.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.json.JsonInput;
import org.iom.mtm.io.xlsx.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The xlsx reader's bounds: compression ratio, entry count; and JSON's string limit. */
class ZipBombTest {

  @Test
  void highlyCompressedEntryIsRefused(@TempDir Path dir) throws IOException {
    Path bomb = dir.resolve("bomb.xlsx");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
      z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 8; i++) {
        z.write(zeros);
      }
      z.closeEntry();
    }
    assertTrue(Files.size(bomb) < 20_000);
    ReadException e = assertThrows(ReadException.class, () -> Workbook.open(bomb));
    assertTrue(e.getMessage().equals(bomb + ":0:0: compression ratio above 100 to 1: refused as a possible zip bomb"),
        e.getMessage());
  }

  @Test
  void tooManyEntriesAreRefused(@TempDir Path dir) throws IOException {
    Path many = dir.resolve("many.xlsx");
    try (OutputStream out = Files.newOutputStream(many); ZipOutputStream z = new ZipOutputStream(out)) {
      for (int i = 0; i <= Workbook.MAX_ENTRIES; i++) {
        z.putNextEntry(new ZipEntry("e" + i));
        z.closeEntry();
      }
    }
    ReadException e = assertThrows(ReadException.class, () -> Workbook.open(many));
    assertTrue(e.getMessage().contains("more than 10000 zip entries"), e.getMessage());
  }

  @Test
  void overlongJsonStringIsRefused() {
    String s = "[\"" + "x".repeat(JsonInput.MAX_STRING_LENGTH + 1) + "\"]";
    ReadException e = assertThrows(ReadException.class,
        () -> JsonInput.read(new java.io.StringReader(s), "long.json"));
    assertTrue(e.getMessage().startsWith("long.json:1:"), e.getMessage());
    assertTrue(e.getMessage().contains("over a read limit"), e.getMessage());
    String n = "[" + "9".repeat(JsonInput.MAX_NUMBER_LENGTH + 1) + "]";
    assertThrows(ReadException.class, () -> JsonInput.read(new java.io.StringReader(n), "num.json"));
  }
}
