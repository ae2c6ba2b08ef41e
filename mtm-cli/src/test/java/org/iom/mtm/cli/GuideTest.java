package org.iom.mtm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** Runs every {@code jshell} block of docs/GUIDE.md, in order, through the jdk.jshell API. */
class GuideTest {

  static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : markdown.split("\n", -1)) {
      if (current == null && line.strip().equals("```jshell")) {
        current = new StringBuilder();
      } else if (current != null && line.strip().equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void everySnippetOfTheGuideRuns() throws IOException {
    Path guide = Path.of("..", "docs", "GUIDE.md");
    List<String> blocks = blocks(Files.readString(guide, StandardCharsets.UTF_8));
    assertTrue(blocks.size() >= 6, "jshell blocks in the guide: " + blocks.size());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    // The local execution engine runs snippets in this JVM: their System.out is ours.
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      runGuide(blocks, out);
    } finally {
      System.setOut(systemOut);
    }
  }

  private static void runGuide(List<String> blocks, ByteArrayOutputStream out) {
    try (JShell shell =
        JShell.builder()
            .executionEngine("local")
            .out(new PrintStream(out, true, StandardCharsets.UTF_8))
            .err(new PrintStream(out, true, StandardCharsets.UTF_8))
            .build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String last = null;
      for (String block : blocks) {
        String rest = block;
        while (!rest.isBlank()) {
          SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
          String source = info.source();
          if (source == null) {
            fail("incomplete snippet in docs/GUIDE.md: " + rest);
          }
          List<SnippetEvent> events;
          try {
            events = shell.eval(source);
          } finally {
            System.out.flush();
          }
          for (SnippetEvent e : events) {
            if (e.status() == Snippet.Status.REJECTED) {
              fail("rejected: " + source + "\n" + shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).toList());
            }
            if (e.exception() != null) {
              fail("threw: " + source + "\n" + e.exception());
            }
            if (e.value() != null) {
              last = e.value();
            }
          }
          rest = info.remaining();
        }
      }
      String printed = out.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("1131 rows read, 1131 used"), printed);
      assertTrue(printed.contains("mean income of women:"), printed);
      assertEquals("\"analysis_type,analysis_var,analysis_var_value,group_var,group_var_value,stat,se,stat_low,stat_upp,df,deff,n,n_total,n_w,n_w_total,flags,analysis_key\"", last);
    }
  }
}
