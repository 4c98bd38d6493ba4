package dev.persistence.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Writes a command's result as one JSON object on standard output. */
final class JsonOutput {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonOutput() {}

  static void print(PrintWriter out, Object value) {
    try {
      String json = MAPPER.writeValueAsString(value);
      // The last net under "never Infinity with exit 0": every input check upstream should have caught it.
      // Jackson writes non-finite doubles as the strings "NaN", "Infinity" and "-Infinity".
      if (json.contains(": \"Infinity\"") || json.contains(": \"-Infinity\"") || json.contains(": \"NaN\"")) {
        throw new IllegalArgumentException(
            "a result is not finite (Infinity or NaN); an input is beyond the range the model covers: narrow it");
      }
      out.println(json.replaceAll("(?<=[:\\[,\\s])-0\\.0(?=[,\\s\\]}])", "0.0"));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
