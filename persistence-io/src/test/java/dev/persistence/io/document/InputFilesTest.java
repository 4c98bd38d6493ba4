package dev.persistence.io.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.persistence.io.InvalidDocumentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path folder;

  private static String message(Path file) {
    return assertThrows(InvalidDocumentException.class, () -> Documents.read(file)).getMessage();
  }

  @Test
  void aDirectoryIsRefusedByType() {
    assertTrue(message(folder).endsWith("is a directory, not a regular file"), message(folder));
  }

  @Test
  void devicesAreRefusedByTypeDirectlyAndThroughASymlink() throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero here");
    assertTrue(message(zero).contains("not a regular file"), message(zero));
    Path link = Files.createSymbolicLink(folder.resolve("model.yaml"), zero);
    try {
      assertTrue(message(link).contains("not a regular file"), message(link));
    } finally {
      Files.delete(link); // JUnit's clean-up warns about a link that leaves its temporary folder
    }
  }

  @Test
  void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
    Path fifo = folder.resolve("scenario.yaml");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available");
      return;
    }
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
    // Opening a FIFO for reading blocks until a writer comes; the type check happens before any open.
    assertTrue(message(fifo).contains("not a regular file"), message(fifo));
  }

  @Test
  void theSizeCapIsAppliedToTheBytesRead() throws IOException {
    Path big = folder.resolve("big.yaml");
    Files.write(big, new byte[1025]);
    InvalidDocumentException e =
        assertThrows(InvalidDocumentException.class, () -> InputFiles.readText(big, 1024));
    assertTrue(e.getMessage().endsWith("larger than the limit of 1024 bytes"), e.getMessage());
    Path fits = folder.resolve("fits.yaml");
    Files.writeString(fits, "a: 1\n");
    assertEquals("a: 1\n", InputFiles.readText(fits, 5));
  }

  @Test
  void textThatIsNotUtf8IsBadInput() throws IOException {
    Path latin1 = folder.resolve("runs.csv");
    Files.write(latin1, "params,loss\nna\u00efve,1\n".getBytes(StandardCharsets.ISO_8859_1));
    InvalidDocumentException e =
        assertThrows(InvalidDocumentException.class, () -> InputFiles.readText(latin1, 1 << 20));
    assertTrue(e.getMessage().endsWith("not UTF-8 text"), e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = folder.resolve("missing.yaml");
    assertEquals(missing + ": no such file", message(missing));
  }

  @Test
  void echoedPathsAreShortenedAndEscaped() {
    String longName = "a".repeat(1 << 20);
    String echoed = EchoedText.of(longName);
    assertTrue(echoed.length() < EchoedText.MAX_ECHO_CHARS + 40, "length " + echoed.length());
    assertTrue(echoed.contains("(1048576 characters)"), echoed);
    String nul = EchoedText.of("model\0.yaml\u001b[31m\n");
    assertEquals("model\\u0000.yaml\\u001b[31m\\u000a", nul);
    assertFalse(new InvalidDocumentException("x\ny", "bad").getMessage().contains("\n"));
  }
}
