package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MtmTest {

  record Run(int status, String out, String err) {}

  static Run mtm(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Mtm.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void helpListsUsage() {
    Run r = mtm("--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("Usage: mtm"), r.out());
  }

  @Test
  void versionNamesTheProjectVersion() {
    Run r = mtm("--version");
    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("mtm 0."), r.out());
  }

  @Test
  void unknownOptionIsBadUsageOnOneLine() {
    Run r = mtm("--no-such-flag");
    assertEquals(Mtm.EXIT_BAD_INPUT, r.status());
    assertTrue(r.err().startsWith("mtm: error: "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
