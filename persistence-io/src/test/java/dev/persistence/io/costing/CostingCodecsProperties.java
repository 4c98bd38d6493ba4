package dev.persistence.io.costing;

import dev.persistence.io.program.ProgramCodecs;
import dev.persistence.io.calibration.CalibrationCodecs;
import dev.persistence.io.regulation.RegulationCodecs;
import dev.persistence.io.serving.ServingCodecs;
import dev.persistence.io.money.MoneyCodecs;
import dev.persistence.io.energy.EnergyCodecs;
import static dev.persistence.io.RoundTrips.roundTrip;

import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.io.document.DocumentFormat;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import org.junit.jupiter.api.Test;

class CostingCodecsProperties {
  private static final Gen<DocumentFormat> FORMATS = Gen.enumValues(DocumentFormat.class);

  @Test
  void powerModelsRoundTrip() {
    Property.forAll(CostingGen.powerModels(), FORMATS)
        .verify((value, format) -> roundTrip(EnergyCodecs.POWER_MODEL, value, format));
  }

  @Test
  void ownedClustersRoundTrip() {
    Property.forAll(CostingGen.ownedClusters(), FORMATS)
        .verify((value, format) -> roundTrip(MoneyCodecs.OWNED_CLUSTER, value, format));
  }

  @Test
  void servingWorkloadsRoundTrip() {
    Property.forAll(CostingGen.servingWorkloads(), FORMATS)
        .verify((value, format) -> roundTrip(ServingCodecs.SERVING_WORKLOAD, value, format));
  }

  @Test
  void servingDeploymentsRoundTrip() {
    var codec = ServingCodecs.servingDeployment(AcceleratorCatalog.bundled());
    Property.forAll(CostingGen.servingDeployments(), FORMATS).verify((value, format) -> roundTrip(codec, value, format));
  }

  @Test
  void computeThresholdsRoundTrip() {
    Property.forAll(CostingGen.computeThresholds(), FORMATS)
        .verify((value, format) -> roundTrip(RegulationCodecs.COMPUTE_THRESHOLD, value, format));
  }

  @Test
  void calibrationsRoundTrip() {
    Property.forAll(CostingGen.calibrations(), FORMATS)
        .verify((value, format) -> roundTrip(CalibrationCodecs.CALIBRATION, value, format));
  }

  @Test
  void phasesRoundTrip() {
    Property.forAll(CostingGen.phases("pretraining"), FORMATS)
        .verify((value, format) -> roundTrip(ProgramCodecs.PHASE, value, format));
  }

  @Test
  void rolesAndMilestonesRoundTrip() {
    Property.forAll(CostingGen.roles(), CostingGen.milestones(), FORMATS)
        .verify(
            (role, milestone, format) -> {
              roundTrip(dev.persistence.io.program.ProgramCodecs.ROLE, role, format);
              roundTrip(dev.persistence.io.program.ProgramCodecs.MILESTONE, milestone, format);
            });
  }

  @Test
  void programsRoundTrip() {
    Property.forAll(CostingGen.programs(), FORMATS)
        .verify((value, format) -> roundTrip(ProgramCodecs.PROGRAM, value, format));
  }
}
