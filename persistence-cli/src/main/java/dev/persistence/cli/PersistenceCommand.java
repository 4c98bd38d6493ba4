package dev.persistence.cli;

import dev.persistence.io.InvalidDocumentException;
import dev.persistence.io.document.EchoedText;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code persistence} command: model files in, planning figures out.
 *
 * <p>Exit codes: 0 on success, 2 for bad input (one line on stderr naming what and where), 1 for an internal
 * error (also one line). No stack trace ever reaches the user; set {@code PERSISTENCE_DEBUG=1} to see one.
 */
@Command(
    name = "persistence",
    mixinStandardHelpOptions = true,
    version = "persistence 0.1.0-SNAPSHOT",
    description = "Plans frontier language models: parameters, FLOPs, memory, scaling laws, time and cost.",
    subcommands = {
      ParamsCommand.class,
      FlopsCommand.class,
      MemoryCommand.class,
      KvCacheCommand.class,
      AcceleratorsCommand.class,
      LossCommand.class,
      OptimalCommand.class,
      FitCommand.class,
      LawsCommand.class,
      TrainCommand.class,
      SearchCommand.class,
      DataCommand.class,
      DatasetsCommand.class,
      ModelsCommand.class,
      ForecastCommand.class,
      PlanCommand.class,
      PostTrainCommand.class
    })
public final class PersistenceCommand implements Runnable {

  /** Exit code for bad input. */
  public static final int EXIT_BAD_INPUT = 2;

  /** Exit code for an internal error. */
  public static final int EXIT_INTERNAL_ERROR = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command; see 'persistence --help'");
  }

  /**
   * Runs the command line with the process's standard streams and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line and returns its exit code; for tests and embedding.
   *
   * @param args the arguments
   * @param out where results go
   * @param err where the one-line error goes
   * @return 0, {@link #EXIT_BAD_INPUT} or {@link #EXIT_INTERNAL_ERROR}
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new PersistenceCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    // -0 is read as 0 (so that it is never printed back as -0.0); NaN and infinities reach the commands' own
    // checks, which name the flag.
    CommandLine.ITypeConverter<Double> finite = PersistenceCommand::finiteDouble;
    commandLine.registerConverter(Double.class, finite);
    commandLine.registerConverter(Double.TYPE, finite);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          err.println(oneLine(commandName(exception.getCommandLine()), exception.getMessage()));
          return EXIT_BAD_INPUT;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failedCommand, parseResult) -> {
          if (System.getenv("PERSISTENCE_DEBUG") != null) {
            exception.printStackTrace(err);
          }
          if (exception instanceof InvalidDocumentException || exception instanceof IllegalArgumentException) {
            err.println(oneLine(commandName(failedCommand), inFlagTerms(failedCommand, exception.getMessage())));
            return EXIT_BAD_INPUT;
          }
          err.println(
              oneLine(
                  commandName(failedCommand),
                  String.format(
                      Locale.ROOT,
                      "internal error (%s): %s",
                      exception.getClass().getSimpleName(),
                      exception.getMessage())));
          return EXIT_INTERNAL_ERROR;
        });
    try {
      return commandLine.execute(args);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      err.println(oneLine("persistence", "internal error: " + e));
      return EXIT_INTERNAL_ERROR;
    }
  }

  /**
   * A library message that opens with a field the user set through a flag ({@code inferenceTokens (1e308) ...})
   * is reworded to name the flag ({@code --inference-tokens (1e308) ...}).
   */
  static String inFlagTerms(CommandLine command, String message) {
    if (message == null || command == null) {
      return message;
    }
    for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
      String flag = option.longestName();
      if (!flag.startsWith("--")) {
        continue;
      }
      StringBuilder field = new StringBuilder();
      boolean upper = false;
      for (char c : flag.substring(2).toCharArray()) {
        if (c == '-') {
          upper = true;
        } else {
          field.append(upper ? Character.toUpperCase(c) : c);
          upper = false;
        }
      }
      if (message.startsWith(field + " (")) {
        return flag + message.substring(field.length());
      }
    }
    return message;
  }

  private static Double finiteDouble(String text) {
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + EchoedText.of(text) + "' is not a number");
    }
    return value + 0.0;
  }

  private static String commandName(CommandLine commandLine) {
    return commandLine == null ? "persistence" : commandLine.getCommandSpec().qualifiedName(" ");
  }

  /** One line: the command's name, then the message with its line breaks folded. */
  static String oneLine(String command, String message) {
    String text = message == null ? "unknown error" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    return command + ": " + shortenLongWords(EchoedText.escapeControlCharacters(text));
  }

  /** The longest message printed; a longer one is cut (a path or value the user wrote can be megabytes). */
  static final int MAX_MESSAGE_CHARS = 4096;

  /** Cuts any run of non-blank characters past {@link EchoedText#MAX_ECHO_CHARS}, and the whole message. */
  private static String shortenLongWords(String text) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      boolean blank = Character.isWhitespace(text.charAt(start));
      while (end < text.length() && Character.isWhitespace(text.charAt(end)) == blank) {
        end++;
      }
      String word = text.substring(start, end);
      out.append(blank || word.length() <= EchoedText.MAX_ECHO_CHARS ? word : EchoedText.of(word));
      start = end;
    }
    return out.length() <= MAX_MESSAGE_CHARS ? out.toString() : out.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
