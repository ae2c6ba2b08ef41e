package org.iom.mtm.io.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.iom.mtm.core.data.AnswerState;
import org.iom.mtm.core.data.CategoricalColumn;
import org.iom.mtm.core.data.Column;
import org.iom.mtm.core.data.MultiSelectColumn;
import org.iom.mtm.core.data.NumericColumn;
import org.iom.mtm.core.data.SurveyData;
import org.iom.mtm.core.data.TextColumn;
import org.iom.mtm.indicators.result.ResultTable;
import org.iom.mtm.io.csv.CsvWriter;

/**
 * Writes survey data as KoBoToolbox's CSV export does: XML names in the header, {@code ;} as the
 * delimiter (KoBo's current default), a select_multiple as its space-separated column followed by
 * one {@code q/option} column per option holding 1 or 0 (empty when the question was not
 * answered), numbers without locale formatting.
 *
 * <p>Answer states: not asked and missing are empty cells (as in KoBo, where the form's skip
 * logic tells them apart); don't know and refused are written as the special answers the readers
 * map back, {@code dnk} and {@code pnta}.
 */
public final class KoboCsvExport {
  private KoboCsvExport() {}

  /** The answer KoBo forms commonly use for "don't know". */
  public static final String DONT_KNOW = "dnk";

  /** The answer KoBo forms commonly use for "prefer not to answer". */
  public static final String REFUSED = "pnta";

  /**
   * Writes the export.
   *
   * @param data the survey data
   * @param out where to write; not closed
   * @param delimiter the delimiter, usually {@code ;}
   */
  public static void write(SurveyData data, Writer out, char delimiter) {
    CsvWriter csv = CsvWriter.of(out, delimiter, CsvWriter.Quoting.MINIMAL, "\n");
    List<String> header = new ArrayList<>();
    for (Column c : data.columns()) {
      header.add(c.name());
      if (c instanceof MultiSelectColumn m) {
        for (String o : m.options()) {
          header.add(c.name() + "/" + o);
        }
      }
    }
    csv.writeRow(header);
    List<String> row = new ArrayList<>(header.size());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < data.rowCount(); i++) {
      row.clear();
      for (Column c : data.columns()) {
        AnswerState s = c.state(i);
        if (c instanceof MultiSelectColumn m) {
          if (s != AnswerState.ANSWERED) {
            row.add(special(s));
            for (int k = 0; k < m.options().size(); k++) {
              row.add("");
            }
            continue;
          }
          sb.setLength(0);
          for (int k = 0; k < m.options().size(); k++) {
            if (m.selected(i, k)) {
              if (sb.length() > 0) {
                sb.append(' ');
              }
              sb.append(m.options().get(k));
            }
          }
          row.add(sb.toString());
          for (int k = 0; k < m.options().size(); k++) {
            row.add(m.selected(i, k) ? "1" : "0");
          }
        } else if (s != AnswerState.ANSWERED) {
          row.add(special(s));
        } else if (c instanceof NumericColumn n) {
          row.add(ResultTable.number(n.value(i)));
        } else if (c instanceof CategoricalColumn k) {
          row.add(k.level(i));
        } else {
          row.add(((TextColumn) c).text(i));
        }
      }
      csv.writeRow(row);
    }
    csv.flush();
  }

  private static String special(AnswerState s) {
    return switch (s) {
      case DONT_KNOW -> DONT_KNOW;
      case REFUSED -> REFUSED;
      default -> "";
    };
  }
}
