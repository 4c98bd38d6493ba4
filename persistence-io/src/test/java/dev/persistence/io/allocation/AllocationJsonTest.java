package dev.persistence.io.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.BindingConstraint;
import dev.persistence.scaling.law.ScalingLaws;
import org.junit.jupiter.api.Test;

/** The document {@code persistence optimal --json} prints, built in io so that a library user gets the same one. */
class AllocationJsonTest {

  @Test
  void documentIsTheAllocationFieldByField() throws Exception {
    // Chinchilla itself (Hoffmann et al. 2022 Table 1 and Sec. 4): 70B parameters on 1.4T tokens, 5.76e23 FLOPs.
    Allocation allocation =
        Allocation.builder()
            .parameters(70e9)
            .tokens(1.4e12)
            .trainingFlops(5.76e23)
            .inferenceTokens(0)
            .totalFlops(5.76e23)
            .loss(1.94)
            .bindingConstraint(BindingConstraint.UNIQUE_TOKENS)
            .build();
    assertEquals(
        "{\"law\":\"chinchilla\",\"params\":7.0E10,\"tokens\":1.4E12,\"compute\":5.76E23,\"totalCompute\":5.76E23,"
            + "\"tokensPerParameter\":20.0,\"loss\":1.94,\"bindingConstraint\":\"uniqueTokens\"}",
        new ObjectMapper()
            .writeValueAsString(AllocationJson.toJson(ScalingLaws.lossLaw("chinchilla"), allocation)));
  }
}
