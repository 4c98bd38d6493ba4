package dev.persistence.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Debian's Chromium for the browser tests, installing {@code chromium} and {@code chromium-driver} with
 * apt-get when it is missing and this user may (CI's {@code .ci/run} installs them before Maven starts). When it
 * cannot be had the tests are skipped with the reason on a developer's machine, and fail under {@code CI=true}.
 */
final class BrowserSetup {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser");

  private BrowserSetup() {}

  static Path chromium() {
    Optional<Path> found = find();
    String tried = "";
    if (found.isEmpty()) {
      tried = install();
      found = find();
    }
    if (found.isPresent()) {
      return found.get();
    }
    String why =
        "Debian's chromium is not installed and could not be installed here ("
            + tried
            + "); install it with: apt-get install chromium chromium-driver, or set PERSISTENCE_CHROMIUM";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI must run the browser test: " + why);
    }
    Assumptions.abort(why);
    throw new AssertionError(why);
  }

  private static Optional<Path> find() {
    String given = System.getenv("PERSISTENCE_CHROMIUM");
    if (given != null && !given.isBlank()) {
      Path path = Path.of(given);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVariable = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : NAMES) {
      for (String folder : pathVariable.split(File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Tries apt-get as root; says what happened. */
  private static String install() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "not root, so apt-get was not tried";
    }
    if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return "no apt-get on this machine";
    }
    try {
      Path log = Files.createDirectories(Path.of("target")).resolve("chromium-install.log");
      for (List<String> command :
          List.of(
              List.of("apt-get", "update", "-q"),
              List.of("apt-get", "install", "-y", "-q", "chromium", "chromium-driver"))) {
        ProcessBuilder builder =
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          return String.join(" ", command) + " took over 15 minutes; see " + log.toAbsolutePath();
        }
        if (process.exitValue() != 0) {
          return String.join(" ", command) + " exited " + process.exitValue() + "; see " + log.toAbsolutePath();
        }
      }
      return "apt-get install chromium chromium-driver ran";
    } catch (IOException e) {
      return "apt-get could not run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while installing";
    }
  }
}
