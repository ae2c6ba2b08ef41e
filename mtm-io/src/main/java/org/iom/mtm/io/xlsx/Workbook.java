package org.iom.mtm.io.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.iom.mtm.io.ReadException;
import org.iom.mtm.io.ReadProblem;

/**
 * An .xlsx workbook read whole into {@link SheetTable}s, after a check of the zip container: at
 * most {@value #MAX_ENTRIES} entries, {@value #MAX_UNCOMPRESSED} bytes uncompressed in all and a
 * compression ratio of at most {@value #MAX_RATIO} (real workbooks compress XML about 10 to 1; a
 * zip bomb compresses far more). The sizes are counted while inflating, not taken from the
 * headers, which an attacker writes.
 *
 * <p>Cells are read as text: shared and inline strings as written, numbers as their stored
 * decimal ({@code 1}, {@code 2.5}), booleans as {@code TRUE}/{@code FALSE}, formulas by their
 * cached value.
 */
public final class Workbook {
  /** Most zip entries accepted. */
  public static final int MAX_ENTRIES = 10_000;
  /** Most bytes accepted uncompressed, over all entries (512 MiB). */
  public static final long MAX_UNCOMPRESSED = 512L << 20;
  /** Largest ratio of uncompressed to compressed bytes accepted, beyond the first MiB. */
  public static final int MAX_RATIO = 100;
  /** Largest workbook file accepted (256 MiB). */
  public static final long MAX_FILE = 256L << 20;

  private final String file;
  private final Map<String, SheetTable> sheets;

  private Workbook(String file, Map<String, SheetTable> sheets) {
    this.file = file;
    this.sheets = sheets;
  }

  /**
   * Reads a workbook.
   *
   * @param path the .xlsx file
   * @return the workbook
   * @throws ReadException naming the file when it is missing, not an xlsx, over a limit or
   *     malformed
   */
  public static Workbook open(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      long size = Files.size(path);
      if (size > MAX_FILE) {
        throw new ReadException(ReadProblem.ofFile(name, "workbook of " + size + " bytes is over the limit of " + MAX_FILE));
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ReadException(ReadProblem.ofFile(name, "no such file"), e);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot read: " + e.getMessage()), e);
    }
    checkZip(path, name, bytes.length);
    return read(bytes, name);
  }

  private static void checkZip(Path path, String name, long compressed) {
    try (ZipFile zip = new ZipFile(path.toFile())) {
      int entries = 0;
      long total = 0;
      byte[] buf = new byte[1 << 16];
      Enumeration<? extends ZipEntry> en = zip.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw new ReadException(ReadProblem.ofFile(name, "more than " + MAX_ENTRIES + " zip entries: not a workbook we read"));
        }
        try (InputStream in = zip.getInputStream(e)) {
          int n;
          while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_UNCOMPRESSED) {
              throw new ReadException(ReadProblem.ofFile(name,
                  "more than " + MAX_UNCOMPRESSED + " bytes uncompressed: refused as a possible zip bomb"));
            }
            if (total > (1L << 20) && total > MAX_RATIO * Math.max(compressed, 1)) {
              throw new ReadException(ReadProblem.ofFile(name,
                  "compression ratio above " + MAX_RATIO + " to 1: refused as a possible zip bomb"));
            }
          }
        }
      }
    } catch (ZipException e) {
      throw new ReadException(ReadProblem.ofFile(name, "not an xlsx workbook (not a valid zip file): " + e.getMessage()), e);
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "cannot read the workbook: " + e.getMessage()), e);
    } catch (RuntimeException e) {
      if (e instanceof ReadException re) {
        throw re;
      }
      throw new ReadException(ReadProblem.ofFile(name, "malformed zip container: " + e), e);
    }
  }

  private static Workbook read(byte[] bytes, String name) {
    Map<String, SheetTable> sheets = new LinkedHashMap<>();
    // fastexcel reports malformed parts with unchecked exceptions of its own and of the XML
    // parser; every one of them means "this file is not a workbook we can read".
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
      List<Sheet> list = wb.getSheets().toList();
      for (Sheet s : list) {
        sheets.put(s.getName(), table(s));
      }
    } catch (IOException e) {
      throw new ReadException(ReadProblem.ofFile(name, "not a readable xlsx workbook: " + e.getMessage()), e);
    } catch (ReadException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ReadException(ReadProblem.ofFile(name, "not a readable xlsx workbook: " + e), e);
    }
    return new Workbook(name, Collections.unmodifiableMap(sheets));
  }

  private static SheetTable table(Sheet s) throws IOException {
    List<String> header = null;
    List<SheetTable.Row> rows = new ArrayList<>();
    try (var stream = s.openStream()) {
      for (org.dhatim.fastexcel.reader.Row r : (Iterable<org.dhatim.fastexcel.reader.Row>) stream::iterator) {
        List<String> cells = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < r.getCellCount(); i++) {
          String t = text(r.getCell(i));
          any |= !t.isBlank();
          cells.add(t);
        }
        if (!any) {
          continue;
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
          cells.remove(cells.size() - 1);
        }
        if (header == null) {
          header = cells;
        } else {
          rows.add(new SheetTable.Row(r.getRowNum(), cells));
        }
      }
    }
    return new SheetTable(s.getName(), header == null ? List.of() : header, rows);
  }

  private static String text(Cell c) {
    if (c == null) {
      return "";
    }
    CellType t = c.getType();
    String raw = c.getRawValue();
    if (raw == null) {
      return "";
    }
    if (t == CellType.NUMBER || (t == CellType.FORMULA && isNumber(raw))) {
      try {
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return raw;
      }
    }
    if (t == CellType.BOOLEAN) {
      return raw.equals("1") || raw.equalsIgnoreCase("true") ? "TRUE" : "FALSE";
    }
    return raw;
  }

  private static boolean isNumber(String s) {
    try {
      new BigDecimal(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The file name.
   *
   * @return the name
   */
  public String file() {
    return file;
  }

  /**
   * The sheet names in workbook order.
   *
   * @return an immutable list
   */
  public List<String> sheetNames() {
    return List.copyOf(sheets.keySet());
  }

  /**
   * A sheet by name, ignoring case and surrounding blanks.
   *
   * @param name the sheet name
   * @return the sheet, or empty
   */
  public Optional<SheetTable> sheet(String name) {
    SheetTable t = sheets.get(name);
    if (t != null) {
      return Optional.of(t);
    }
    for (Map.Entry<String, SheetTable> e : sheets.entrySet()) {
      if (e.getKey().strip().equalsIgnoreCase(name.strip())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The sheets in workbook order.
   *
   * @return an immutable list
   */
  public List<SheetTable> sheets() {
    return List.copyOf(sheets.values());
  }
}
