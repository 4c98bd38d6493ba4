package dev.persistence.io.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.persistence.core.architecture.Architecture;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.io.document.DocumentNode;
import dev.persistence.io.document.Documents;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import dev.persistence.testkit.architecture.ArchitectureGen;
import org.junit.jupiter.api.Test;

/** Write then read gives an equal value; read then write gives the same document, in JSON and YAML. */
class ArchitectureCodecsProperties {

  @Test
  void roundTrips() {
    Property.forAll(ArchitectureGen.architectures(), Gen.enumValues(DocumentFormat.class))
        .verify(
            (model, format) -> {
              JsonNode written = ArchitectureCodecs.ARCHITECTURE.write(model);
              String text = Documents.print(written, format);
              Architecture back =
                  ArchitectureCodecs.ARCHITECTURE.read(DocumentNode.root(Documents.parse(text, format, "m"), "m"));
              assertEquals(model, back);
              assertEquals(written, ArchitectureCodecs.ARCHITECTURE.write(back));
            });
  }
}
