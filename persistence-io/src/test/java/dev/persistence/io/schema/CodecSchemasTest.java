package dev.persistence.io.schema;

import dev.persistence.io.law.LawCodecs;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.persistence.io.allocation.AllocationCodecs;
import dev.persistence.io.fit.FitCodecs;
import dev.persistence.io.architecture.ArchitectureCodecs;
import dev.persistence.io.calibration.CalibrationCodecs;
import dev.persistence.io.energy.EnergyCodecs;
import dev.persistence.io.memory.MemoryCodecs;
import dev.persistence.io.money.MoneyCodecs;
import dev.persistence.io.parallelism.ParallelismCodecs;
import dev.persistence.io.regulation.RegulationCodecs;
import dev.persistence.io.serving.ServingCodecs;
import dev.persistence.io.training.TrainingCodecs;
import dev.persistence.io.uncertainty.UncertaintyCodecs;
import dev.persistence.io.program.ProgramCodecs;
import dev.persistence.io.data.DataCodecs;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.SchemaDefinitions;
import dev.persistence.io.hardware.HardwareCodecs;
import dev.persistence.io.posttraining.PostTrainingCodecs;
import dev.persistence.io.precision.PrecisionCodecs;
import dev.persistence.io.scenario.ScenarioCodecs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every public codec constant declares a schema that stands alone: its definitions resolve (no {@code $ref} to a
 * definition nobody registered), the document compiles in networknt's draft 2020-12 validator, and it is not
 * vacuous (it rejects a bare list, which no codec reads).
 */
class CodecSchemasTest {
  private static final List<Class<?>> CODECS =
      List.of(
          ArchitectureCodecs.class,
          CalibrationCodecs.class,
          EnergyCodecs.class,
          MemoryCodecs.class,
          MoneyCodecs.class,
          ParallelismCodecs.class,
          RegulationCodecs.class,
          ServingCodecs.class,
          DataCodecs.class,
          HardwareCodecs.class,
          PostTrainingCodecs.class,
          PrecisionCodecs.class,
          ProgramCodecs.class,
          LawCodecs.class,
          AllocationCodecs.class,
          FitCodecs.class,
          ScenarioCodecs.class,
          TrainingCodecs.class,
          UncertaintyCodecs.class);

  @Test
  void everyPublicCodecDeclaresASchemaThatResolves() throws IllegalAccessException {
    int checked = 0;
    for (Class<?> type : CODECS) {
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && Codec.class.isAssignableFrom(field.getType())) {
          SchemaDefinitions definitions = new SchemaDefinitions();
          ObjectNode fragment = ((Codec<?>) field.get(null)).schema(definitions);
          ObjectNode document =
              definitions.document("https://persistence.dev/test", field.getName(), "", fragment);
          // No codec reads a bare list: a schema that accepts one is vacuous.
          assertFalse(new SchemaValidator(document).validate(document.arrayNode()).isEmpty(), field.getName());
          checked++;
        }
      }
    }
    assertFalse(checked < 30, "found only " + checked + " codecs");
  }
}
