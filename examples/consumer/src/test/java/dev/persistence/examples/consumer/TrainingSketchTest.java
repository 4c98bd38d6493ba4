package dev.persistence.examples.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The program runs against the published jars and prints the library's own readable forms. */
class TrainingSketchTest {

  @Test
  void mainPrintsTheSketch() {
    PrintStream standardOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      TrainingSketch.main(new String[0]);
    } finally {
      System.setOut(standardOut);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("cluster            64 x "), text);
    assertTrue(
        text.contains(
            "plan               TP 8 x PP 2 (v 1) x DP 4 x CP 1 x EP 1, micro-batch 1, ZeRO 0,"
                + " selective recomputation, sequence parallel"),
        text);
    assertTrue(text.contains("law epoch "), text);
  }
}
