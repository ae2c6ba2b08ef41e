package org.iom.mtm.io.xlsx;

import java.util.List;
import java.util.Objects;

/**
 * A worksheet as a table of strings: the first non-empty row as header, then the rows with
 * content, each with its 1-based row number in the sheet.
 *
 * @param sheet the sheet's name
 * @param header the header cells, trailing empty cells removed
 * @param rows the rows after the header that hold at least one non-blank cell
 */
public record SheetTable(String sheet, List<String> header, List<SheetTable.Row> rows) {

  /**
   * One row of cells as text; the index of a cell is its column (A = 0).
   *
   * @param line the 1-based row number in the sheet
   * @param cells the cell texts, empty where the sheet has no value
   */
  public record Row(long line, List<String> cells) {
    /**
     * Copies.
     *
     * @throws NullPointerException when the cells are null
     */
    public Row {
      cells = List.copyOf(cells);
    }

    /**
     * A cell, or the empty string beyond the row's last cell.
     *
     * @param index the 0-based column
     * @return the text
     */
    public String get(int index) {
      return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }
  }

  /**
   * Copies.
   *
   * @throws NullPointerException when a part is null
   */
  public SheetTable {
    Objects.requireNonNull(sheet, "sheet");
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }
}
