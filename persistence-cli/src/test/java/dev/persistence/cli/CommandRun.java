package dev.persistence.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code persistence} command: exit code, standard output and standard error. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PersistenceCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** The error output is exactly one line. */
  boolean oneErrorLine() {
    return err.endsWith("\n") && err.indexOf('\n') == err.length() - 1 && !err.contains("\tat ");
  }
}
