package dev.persistence.io.document;

import dev.persistence.io.InvalidDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads input files without trusting them: regular files only, a size cap applied while reading, strict UTF-8.
 *
 * <p>The file's type is checked after resolving symbolic links and before it is opened, so a named pipe never
 * blocks the reader and a device ({@code /dev/zero}, {@code /dev/urandom}) or a directory is refused by type. The
 * size cap is applied to the bytes actually read (at most {@code maxBytes + 1} are ever buffered), not taken from
 * {@link Files#size}, which is 0 for devices and can change between the check and the read.
 */
public final class InputFiles {

  /** Largest table (CSV) file read, in bytes (16 MiB: some 300,000 rows of three numbers). A resource limit. */
  public static final int MAX_TABLE_BYTES = 16 << 20;

  /** Most data rows of a table file; a fit to more runs than this is not what the library is for. */
  public static final int MAX_TABLE_ROWS = 100_000;

  private InputFiles() {}

  /**
   * Reads a table (CSV) file as its lines, header first: a regular UTF-8 file of at most {@link #MAX_TABLE_BYTES}
   * bytes and {@link #MAX_TABLE_ROWS} data rows.
   *
   * @param file the file; a symbolic link is followed
   * @return the lines, the header row first
   * @throws InvalidDocumentException if the file breaks a rule of {@link #readText} or has more rows than the limit
   */
  public static List<String> readTableLines(Path file) {
    List<String> lines = readText(file, MAX_TABLE_BYTES).lines().collect(Collectors.toList());
    if (lines.size() > MAX_TABLE_ROWS + 1) {
      throw new InvalidDocumentException(
          file.toString(),
          String.format(
              Locale.ROOT, "%d rows, more than the limit of %d runs", lines.size() - 1, MAX_TABLE_ROWS));
    }
    return lines;
  }

  /**
   * Reads a regular file as UTF-8 text of at most {@code maxBytes} bytes.
   *
   * @param file the file; a symbolic link is followed
   * @param maxBytes the largest size accepted, in bytes
   * @return the text
   * @throws InvalidDocumentException if the file does not exist, is not a regular file, cannot be read, is larger
   *     than {@code maxBytes} or is not UTF-8 text; the message names the file
   */
  public static String readText(Path file, int maxBytes) {
    byte[] bytes = readBytes(file, maxBytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidDocumentException(file.toString(), "not UTF-8 text", e);
    }
  }

  /**
   * Reads a regular file of at most {@code maxBytes} bytes.
   *
   * @param file the file; a symbolic link is followed
   * @param maxBytes the largest size accepted, in bytes
   * @return the bytes
   * @throws InvalidDocumentException if the file does not exist, is not a regular file, cannot be read or is
   *     larger than {@code maxBytes}
   */
  public static byte[] readBytes(Path file, int maxBytes) {
    Path regular = requireRegularFile(file);
    try (InputStream in = Files.newInputStream(regular)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw tooLarge(file, maxBytes);
      }
      return bytes;
    } catch (AccessDeniedException e) {
      throw new InvalidDocumentException(file.toString(), "permission denied", e);
    } catch (IOException e) {
      throw new InvalidDocumentException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Resolves {@code file}'s symbolic links and checks that it names a regular file, without opening it.
   *
   * @param file the file
   * @return the resolved path
   * @throws InvalidDocumentException if the file does not exist or is a directory, a named pipe, a device or
   *     another non-regular file
   */
  public static Path requireRegularFile(Path file) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      throw new InvalidDocumentException(file.toString(), "no such file", e);
    } catch (IOException e) {
      throw new InvalidDocumentException(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
    if (Files.isDirectory(real)) {
      throw new InvalidDocumentException(file.toString(), "is a directory, not a regular file");
    }
    if (!Files.isRegularFile(real)) {
      throw new InvalidDocumentException(
          file.toString(), "not a regular file (a named pipe, device or socket is refused)");
    }
    return real;
  }

  private static InvalidDocumentException tooLarge(Path file, int maxBytes) {
    return new InvalidDocumentException(
        file.toString(), String.format(Locale.ROOT, "larger than the limit of %d bytes", maxBytes));
  }
}
