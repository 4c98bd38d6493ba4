package dev.persistence.io.costing;

import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.WeightFormat;
import dev.persistence.costing.calibration.Calibration;
import dev.persistence.costing.calibration.CalibrationParameter;
import dev.persistence.costing.energy.PowerModel;
import dev.persistence.costing.money.OwnedCluster;
import dev.persistence.costing.program.Milestone;
import dev.persistence.costing.program.Phase;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.costing.program.Program;
import dev.persistence.costing.program.Role;
import dev.persistence.costing.regulation.ComputeThreshold;
import dev.persistence.costing.regulation.ThresholdStatus;
import dev.persistence.costing.serving.ServingDeployment;
import dev.persistence.costing.serving.ServingWorkload;
import dev.persistence.io.catalog.AcceleratorCatalog;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.architecture.ArchitectureGen;
import dev.persistence.testkit.hardware.HardwareGen;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generators of costing values, valid by construction. They live with the io tests rather than in
 * persistence-testkit because persistence-costing already depends on the testkit (a cycle otherwise).
 */
final class CostingGen {
  private CostingGen() {}

  static Gen<PowerModel> powerModels() {
    return Gen.zip(
        Gen.doubles(100, 1500),
        Gen.doubles(0.1, 1.5),
        Gen.doubles(1, 3),
        Gen.doubles(1, 2),
        (tdp, fraction, ratio, pue) -> new PowerModel(tdp, fraction, ratio, pue, "assumed for the test"));
  }

  static Gen<OwnedCluster> ownedClusters() {
    return Gen.combine(
            List.<Gen<?>>of(
                Gen.logUniformLongs(1, 1_000_000), Gen.powersOfTwo(1, 16), Gen.doubles(0, 60_000),
                Gen.doubles(0, 400_000), Gen.doubles(0, 1), Gen.doubles(0.5, 8), Gen.doubles(0.01, 1),
                Gen.doubles(0, 0.5), powerModels(), Gen.doubles(0, 5e7)))
        .map(
            v ->
                OwnedCluster.builder()
                    .acceleratorCount((Long) v.get(0))
                    .acceleratorsPerNode((Integer) v.get(1))
                    .capitalUsdPerAccelerator((Double) v.get(2))
                    .capitalUsdPerNode((Double) v.get(3))
                    .networkingAndStorageFraction((Double) v.get(4))
                    .amortisationYears((Double) v.get(5))
                    .utilisation((Double) v.get(6))
                    .powerPriceUsdPerKilowattHour((Double) v.get(7))
                    .power((PowerModel) v.get(8))
                    .operationsStaffUsdPerYear((Double) v.get(9))
                    .build());
  }

  static Gen<ServingWorkload> servingWorkloads() {
    return Gen.zip(Gen.logUniformLongs(1, 1_000_000), Gen.logUniformLongs(1, 100_000), ServingWorkload::new);
  }

  static Gen<WeightFormat> weightFormats() {
    Gen<WeightFormat> custom =
        Gen.zip(
            Gen.doubles(1, 16),
            Gen.oneOf(Gen.constant(0), Gen.powersOfTwo(8, 256)),
            Gen.doubles(0, 32),
            (bits, block, scale) -> new WeightFormat("custom", bits, block, block == 0 ? 0 : scale, "assumed"));
    return Gen.oneOf(custom, Gen.elements(WeightFormat.presets()));
  }

  static Gen<MemoryAllowance> allowances() {
    Gen<MemoryAllowance> custom =
        Gen.zip(
            Gen.longs(0, 1L << 36),
            Gen.doubles(0, 0.5),
            Gen.elements("", "measured"),
            MemoryAllowance::new);
    return Gen.oneOf(custom, Gen.elements(MemoryAllowance.NONE, MemoryAllowance.ASSUMED_DEFAULT));
  }

  /** Deployments on bundled accelerators (written by name) or generated ones (written inline). */
  static Gen<ServingDeployment> servingDeployments() {
    Gen<Accelerator> accelerators =
        Gen.oneOf(Gen.elements(AcceleratorCatalog.bundled().accelerators()), HardwareGen.accelerators());
    return Gen.combine(
            List.<Gen<?>>of(
                ArchitectureGen.architectures(), accelerators, Gen.powersOfTwo(1, 8), weightFormats(),
                Gen.enumValues(NumericFormat.class), Gen.integers(0, 1000), Gen.doubles(0.05, 1),
                Gen.doubles(0.05, 1), allowances(), Gen.doubles(0, 10)))
        .map(
            v -> {
              Accelerator accelerator = (Accelerator) v.get(1);
              List<NumericFormat> supported = new ArrayList<>(accelerator.densePeakFlopsPerSecond().keySet());
              NumericFormat compute = supported.get((Integer) v.get(5) % supported.size());
              return ServingDeployment.builder()
                  .architecture((dev.persistence.core.architecture.Architecture) v.get(0))
                  .accelerator(accelerator)
                  .tensorParallel((Integer) v.get(2))
                  .weightFormat((WeightFormat) v.get(3))
                  .cacheFormat((NumericFormat) v.get(4))
                  .computeFormat(compute)
                  .computeEfficiency((Double) v.get(6))
                  .bandwidthEfficiency((Double) v.get(7))
                  .allowance((MemoryAllowance) v.get(8))
                  .usdPerAcceleratorHour((Double) v.get(9))
                  .build();
            });
  }

  static Gen<ComputeThreshold> computeThresholds() {
    Gen<ComputeThreshold> custom =
        Gen.zip(
            Gen.logUniform(1e20, 1e28),
            Gen.integers(0, 20_000),
            Gen.enumValues(ThresholdStatus.class),
            Gen.elements("", "draft"),
            (flops, day, status, note) ->
                ComputeThreshold.builder()
                    .id("custom")
                    .name("A custom threshold")
                    .trainingFlops(flops)
                    .whatCounts("training operations")
                    .source("a draft bill")
                    .date(LocalDate.of(2000, 1, 1).plusDays(day))
                    .status(status)
                    .note(note)
                    .build());
    return Gen.oneOf(custom, Gen.elements(ComputeThreshold.bundled()));
  }

  static Gen<Calibration> calibrations() {
    int count = CalibrationParameter.values().length;
    return Gen.zip(
        Gen.lists(Gen.doubles(0, 1), count, count),
        Gen.elements("fitted", "a100-check"),
        (fractions, name) -> {
          Map<CalibrationParameter, Double> values = new EnumMap<>(CalibrationParameter.class);
          Map<CalibrationParameter, String> sources = new EnumMap<>(CalibrationParameter.class);
          for (CalibrationParameter parameter : CalibrationParameter.values()) {
            double f = fractions.get(parameter.ordinal());
            values.put(parameter, parameter.lowerBound() + f * (parameter.upperBound() - parameter.lowerBound()));
            sources.put(parameter, "fit of " + parameter.key());
          }
          return Calibration.of(name, "generated", values, sources);
        });
  }

  static Gen<Phase> phases(String name) {
    return Gen.combine(
            List.<Gen<?>>of(
                Gen.enumValues(PhaseKind.class), Gen.integers(0, 24), Gen.integers(1, 12), Gen.doubles(0, 1e8),
                Gen.doubles(0, 1e13), Gen.doubles(0, 5), Gen.doubles(0, 1e6), Gen.doubles(0, 50),
                Gen.doubles(0, 1e6), Gen.doubles(0, 1e7)))
        .map(
            v ->
                Phase.builder()
                    .name(name)
                    .kind((PhaseKind) v.get(0))
                    .startMonth((Integer) v.get(1))
                    .durationMonths((Integer) v.get(2))
                    .computeCostUsd((Double) v.get(3))
                    .licensedTokens((Double) v.get(4))
                    .licensedTokenPriceUsdPerMillion((Double) v.get(5))
                    .annotatedItems((Double) v.get(6))
                    .annotationPriceUsdPerItem((Double) v.get(7))
                    .otherCostUsd((Double) v.get(8))
                    .dataBudgetUsd((Double) v.get(9))
                    .build());
  }

  static Gen<Role> roles() {
    return Gen.zip(
        Gen.doubles(0, 100),
        Gen.doubles(0, 1e6),
        Gen.integers(0, 24),
        Gen.integers(0, 12),
        (headcount, cost, start, ramp) -> new Role("engineer", headcount, cost, start, ramp));
  }

  static Gen<Milestone> milestones() {
    return Gen.integers(0, 48).map(month -> new Milestone("launch", month));
  }

  static Gen<Program> programs() {
    Gen<List<Phase>> phases =
        Gen.integers(0, 3)
            .flatMap(
                n -> {
                  List<Gen<? extends Phase>> each = new ArrayList<>();
                  for (int i = 0; i < n; i++) {
                    each.add(phases("phase-" + i));
                  }
                  return Gen.<Phase>combine(each);
                });
    return Gen.combine(
            List.<Gen<?>>of(
                phases, Gen.lists(roles(), 0, 3), Gen.lists(milestones(), 0, 2), Gen.integers(0, 12),
                Gen.doubles(0, 0.5),
                Gen.oneOf(Gen.constant(Optional.<Double>empty()), Gen.doubles(0, 1e9).map(Optional::of))))
        .map(
            v -> {
              @SuppressWarnings("unchecked")
              List<Phase> chosen = (List<Phase>) v.get(0);
              @SuppressWarnings("unchecked")
              List<Role> team = (List<Role>) v.get(1);
              @SuppressWarnings("unchecked")
              List<Milestone> milestones = (List<Milestone>) v.get(2);
              @SuppressWarnings("unchecked")
              Optional<Double> funding = (Optional<Double>) v.get(5);
              int end = 1;
              for (Phase phase : chosen) {
                end = Math.max(end, phase.endMonth());
              }
              for (Milestone milestone : milestones) {
                end = Math.max(end, milestone.month() + 1);
              }
              var builder =
                  Program.builder()
                      .phases(chosen)
                      .team(team)
                      .milestones(milestones)
                      // Extra months after the last phase or milestone are allowed; fewer are not.
                      .durationMonths(end + (Integer) v.get(3))
                      .contingencyFraction((Double) v.get(4));
              funding.ifPresent(builder::fundingAvailableUsd);
              return builder.build();
            });
  }
}
