package dev.persistence.io.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed schemas (what editors and the README link to) are exactly what {@link SchemaGenerator} writes from
 * the codecs' declarations; after changing a codec, regenerate them with
 * {@code ./mvnw -pl persistence-io process-classes} and copy {@code target/classes/dev/persistence/io/schema/*.json}
 * into {@code src/main/resources/dev/persistence/io/schema/}.
 */
class SchemaGeneratorTest {
  @Test
  void committedSchemasAreTheGeneratedOnes() throws IOException {
    for (String resource : JsonSchemas.all()) {
      String committed = Files.readString(Path.of("src/main/resources" + resource), StandardCharsets.UTF_8);
      assertEquals(committed, SchemaGenerator.text(resource), resource + " is out of date; see this test's Javadoc");
    }
  }
}
