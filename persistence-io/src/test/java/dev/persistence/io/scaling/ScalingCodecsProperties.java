package dev.persistence.io.scaling;

import static dev.persistence.io.RoundTrips.roundTrip;

import dev.persistence.io.document.DocumentFormat;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

class ScalingCodecsProperties {
  private static final Gen<DocumentFormat> FORMATS = Gen.enumValues(DocumentFormat.class);

  @Test
  void lawsRoundTrip() {
    Property.forAll(ScalingGen.laws(), FORMATS).verify((law, format) -> roundTrip(ScalingCodecs.LAW, law, format));
  }

  @Test
  void lossLawsRoundTrip() {
    Property.forAll(ScalingGen.lossLaws(), FORMATS)
        .verify((law, format) -> roundTrip(ScalingCodecs.LOSS_LAW, law, format));
  }

  @Test
  void chinchillaLawsRoundTrip() {
    Property.forAll(ScalingGen.chinchillaLaws(), FORMATS)
        .verify((law, format) -> roundTrip(ScalingCodecs.CHINCHILLA_LAW, law, format));
  }

  @Test
  void allocationProblemsRoundTrip() {
    Property.forAll(ScalingGen.allocationProblems(), FORMATS)
        .verify((problem, format) -> roundTrip(ScalingCodecs.ALLOCATION_PROBLEM, problem, format));
  }

  @Test
  void allocationsRoundTrip() {
    Property.forAll(ScalingGen.allocations(), FORMATS)
        .verify((allocation, format) -> roundTrip(ScalingCodecs.ALLOCATION, allocation, format));
  }

  @Test
  void observationsRoundTrip() {
    Property.forAll(ScalingGen.observations(), FORMATS)
        .verify((observation, format) -> roundTrip(ScalingCodecs.OBSERVATION, observation, format));
  }
}
