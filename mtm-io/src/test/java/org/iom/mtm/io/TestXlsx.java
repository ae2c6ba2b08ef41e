package org.iom.mtm.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes minimal .xlsx workbooks for tests (inline strings, as the REACH form.xlsx has them), so
 * that the xlsx readers are tested on files whose every byte the test controls.
 */
public final class TestXlsx {
  private final Map<String, List<List<String>>> sheets = new LinkedHashMap<>();

  /**
   * Adds a sheet.
   *
   * @param name the sheet name
   * @param rows the rows of cells; a cell that parses as a number is stored as a number
   * @return this
   */
  public TestXlsx sheet(String name, List<List<String>> rows) {
    sheets.put(name, rows);
    return this;
  }

  /**
   * The workbook's bytes.
   *
   * @return a zip in the OOXML layout
   */
  public byte[] bytes() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        StringBuilder types = new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        StringBuilder wb = new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        StringBuilder rels = new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        int i = 1;
        for (Map.Entry<String, List<List<String>>> s : sheets.entrySet()) {
          types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
              .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
          wb.append("<sheet name=\"").append(xml(s.getKey())).append("\" sheetId=\"").append(i)
              .append("\" r:id=\"rId").append(i).append("\"/>");
          rels.append("<Relationship Id=\"rId").append(i)
              .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
              .append(i).append(".xml\"/>");
          put(z, "xl/worksheets/sheet" + i + ".xml", sheetXml(s.getValue()));
          i++;
        }
        types.append("</Types>");
        wb.append("</sheets></workbook>");
        rels.append("</Relationships>");
        put(z, "[Content_Types].xml", types.toString());
        put(z, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        put(z, "xl/workbook.xml", wb.toString());
        put(z, "xl/_rels/workbook.xml.rels", rels.toString());
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ZipOutputStream z, String name, String content) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(content.getBytes(StandardCharsets.UTF_8));
    z.closeEntry();
  }

  private static String sheetXml(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for (int r = 0; r < rows.size(); r++) {
      sb.append("<row r=\"").append(r + 1).append("\">");
      List<String> cells = rows.get(r);
      for (int c = 0; c < cells.size(); c++) {
        String ref = column(c) + (r + 1);
        String v = cells.get(c);
        if (v.isEmpty()) {
          continue;
        }
        if (v.matches("-?[0-9]+(\\.[0-9]+)?")) {
          sb.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
        } else {
          sb.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(xml(v)).append("</t></is></c>");
        }
      }
      sb.append("</row>");
    }
    return sb.append("</sheetData></worksheet>").toString();
  }

  private static String column(int c) {
    StringBuilder s = new StringBuilder();
    int n = c + 1;
    while (n > 0) {
      int rem = (n - 1) % 26;
      s.insert(0, (char) ('A' + rem));
      n = (n - 1) / 26;
    }
    return s.toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
