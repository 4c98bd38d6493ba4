package dev.persistence.io.law;

import dev.persistence.io.fit.FitCodecs;
import dev.persistence.io.allocation.AllocationCodecs;
import dev.persistence.io.law.LawCodecs;
import static dev.persistence.io.RoundTrips.roundTrip;

import dev.persistence.io.document.DocumentFormat;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

class LawCodecsProperties {
  private static final Gen<DocumentFormat> FORMATS = Gen.enumValues(DocumentFormat.class);

  @Test
  void lawsRoundTrip() {
    Property.forAll(ScalingGen.laws(), FORMATS).verify((law, format) -> roundTrip(LawCodecs.LAW, law, format));
  }

  @Test
  void lossLawsRoundTrip() {
    Property.forAll(ScalingGen.lossLaws(), FORMATS)
        .verify((law, format) -> roundTrip(LawCodecs.LOSS_LAW, law, format));
  }

  @Test
  void chinchillaLawsRoundTrip() {
    Property.forAll(ScalingGen.chinchillaLaws(), FORMATS)
        .verify((law, format) -> roundTrip(LawCodecs.CHINCHILLA_LAW, law, format));
  }

  @Test
  void allocationProblemsRoundTrip() {
    Property.forAll(ScalingGen.allocationProblems(), FORMATS)
        .verify((problem, format) -> roundTrip(AllocationCodecs.ALLOCATION_PROBLEM, problem, format));
  }

  @Test
  void allocationsRoundTrip() {
    Property.forAll(ScalingGen.allocations(), FORMATS)
        .verify((allocation, format) -> roundTrip(AllocationCodecs.ALLOCATION, allocation, format));
  }

  @Test
  void observationsRoundTrip() {
    Property.forAll(ScalingGen.observations(), FORMATS)
        .verify((observation, format) -> roundTrip(FitCodecs.OBSERVATION, observation, format));
  }
}
