package org.iom.mtm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code mtm} command: MTM statistics from raw data.
 *
 * <p>Exit status 0 on success, 2 on bad usage or bad input (one line on stderr), 1 on an internal
 * fault. No stack trace unless {@code --debug}.
 */
@Command(
    name = "mtm",
    mixinStandardHelpOptions = true,
    versionProvider = Mtm.Version.class,
    description =
        "Statistics of the IOM Mobility Tracking Matrix from raw data: baseline assessments and"
            + " surveys of migrant workers, with confidence intervals, design effects and honest"
            + " denominators.")
public final class Mtm implements Runnable {

  /**
   * The subcommands, added by {@link #commandLine(PrintWriter, PrintWriter, List)} rather than
   * by the annotation so that a run can build the model of the one it needs only. One command
   * per line, in the order of DESIGN.md, so that adding one never conflicts.
   */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CommandLine.HelpCommand.class,
          EstimateCommand.class,
          WeightCommand.class,
          BaselineCommand.class,
          SampleSizeCommand.class,
          ValidateCommand.class,
          ReportCommand.class,
          SynthCommand.class);

  /** Exit status for bad usage or bad input. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit status for an internal fault. */
  public static final int EXIT_INTERNAL = 1;

  @Option(names = "--debug", description = "Print stack traces of internal faults.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with our error handling, for tests and for {@link #main}.
   *
   * @param out where results and help go
   * @param err where the one-line error goes
   * @return the configured command line
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, SUBCOMMANDS);
  }

  /**
   * The command line with the given subcommands only. They are added before the handlers and
   * writers are set, since picocli passes those on only to the subcommands present then.
   */
  private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
    Mtm root = new Mtm();
    CommandLine cl = new CommandLine(root);
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> t instanceof InputException ? EXIT_BAD_INPUT : EXIT_INTERNAL);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("mtm: error: " + ex.getMessage());
          ex.getCommandLine().getErr().flush();
          return EXIT_BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof InputException) {
            e.println("mtm: error: " + ex.getMessage());
          } else {
            e.println("mtm: internal error: " + ex);
            if (root.debug) {
              ex.printStackTrace(e);
            } else {
              e.println("mtm: run again with --debug for the stack trace");
            }
          }
          e.flush();
          return ex instanceof InputException ? EXIT_BAD_INPUT : EXIT_INTERNAL;
        });
    return cl;
  }

  /**
   * Runs one command line.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit status
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    int status = commandLine(out, err, subcommandsFor(args)).execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /**
   * The subcommands a command line needs: when it names one to run (its first argument, after
   * {@code --debug}), that one alone; otherwise, and for {@code help}, all. Building picocli's
   * model of every subcommand took about 0.2 s of each run's start-up, and a subcommand's parsing,
   * usage and messages depend on no sibling.
   */
  static List<Class<?>> subcommandsFor(String[] args) {
    int i = 0;
    while (i < args.length && args[i].equals("--debug")) {
      i++;
    }
    if (i == args.length) {
      return SUBCOMMANDS;
    }
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command != null
          && !command.name().equals("help")
          && (command.name().equals(args[i]) || Arrays.asList(command.aliases()).contains(args[i]))) {
        return List.of(c);
      }
    }
    return SUBCOMMANDS;
  }

  /**
   * Entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Reads the version that Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "mtm " + number(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }

    /** The project version Maven wrote into the jar, for result metadata too. */
    static String number() {
      Properties p = new Properties();
      try (InputStream in = Mtm.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return p.getProperty("version", "unknown");
    }
  }
}
