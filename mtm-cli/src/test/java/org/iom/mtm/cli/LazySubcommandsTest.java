package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds only the subcommand it names ({@link Mtm#subcommandsFor}); what it prints and
 * returns must be what the full command line, with every subcommand, gives.
 */
class LazySubcommandsTest {

  private static final List<String> NAMES =
      List.of("estimate", "weight", "baseline", "sample-size", "validate", "report", "synth");

  private static MtmTest.Run full(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);
    int status = Mtm.commandLine(o, e).execute(args);
    o.flush();
    e.flush();
    return new MtmTest.Run(status, out.toString(), err.toString());
  }

  @Test
  void theNamesAreTheSubcommands() {
    CommandLine all = Mtm.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertEquals(NAMES, all.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
  }

  @Test
  void aNamedSubcommandIsBuiltAlone() {
    for (String name : NAMES) {
      assertEquals(1, Mtm.subcommandsFor(new String[] {name, "--help"}).size(), name);
      assertEquals(1, Mtm.subcommandsFor(new String[] {"--debug", name}).size(), name);
    }
    int all = Mtm.subcommandsFor(new String[0]).size();
    assertTrue(all > NAMES.size());
    assertEquals(all, Mtm.subcommandsFor(new String[] {"help", "estimate"}).size());
    assertEquals(all, Mtm.subcommandsFor(new String[] {"--version"}).size());
    assertEquals(all, Mtm.subcommandsFor(new String[] {"estimat"}).size());
    assertEquals(all, Mtm.subcommandsFor(new String[] {"--no-such-flag", "estimate"}).size());
  }

  @Test
  void helpErrorsAndStatusAreThoseOfTheFullCommandLine() {
    for (String name : NAMES) {
      for (String[] args : List.of(
          new String[] {name, "--help"},
          new String[] {"--debug", name, "--help"},
          new String[] {name, "--version"},
          new String[] {name, "--no-such-flag"},
          new String[] {name, "--help", "extra"},
          new String[] {"help", name})) {
        MtmTest.Run lazy = MtmTest.mtm(args);
        MtmTest.Run expected = full(args);
        String what = String.join(" ", args);
        assertEquals(expected.status(), lazy.status(), what);
        assertEquals(expected.out(), lazy.out(), what);
        assertEquals(expected.err(), lazy.err(), what);
        if (args[args.length - 1].equals("--help") || args[0].equals("help")) {
          assertTrue(lazy.out().contains("Usage: mtm " + name), what);
        }
      }
    }
  }
}
