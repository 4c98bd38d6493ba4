package dev.persistence.io.law;

import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.allocation.BindingConstraint;
import dev.persistence.scaling.fit.Observation;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.scaling.law.DataConstrainedLaw;
import dev.persistence.scaling.law.DeepSeekLaw;
import dev.persistence.scaling.law.FineGrainedMoeLaw;
import dev.persistence.scaling.law.KaplanLaw;
import dev.persistence.scaling.law.LossLaw;
import dev.persistence.scaling.law.PowerLawAllocation;
import dev.persistence.scaling.law.PrecisionScalingLaw;
import dev.persistence.scaling.law.RoutedMoeLaw;
import dev.persistence.scaling.law.ScalingLaw;
import dev.persistence.scaling.law.ScalingLaws;
import dev.persistence.testkit.Gen;
import java.util.List;
import java.util.Optional;

/**
 * Generators of scaling values, valid by construction. They live with the io tests rather than in
 * persistence-testkit because persistence-scaling already depends on the testkit (a cycle otherwise).
 */
final class ScalingGen {
  private ScalingGen() {}

  static Gen<String> names() {
    return Gen.elements("my-fit", "sweep-2025", "chinchilla-refit", "law");
  }

  static Gen<String> sources() {
    return Gen.elements("our sweep of 40 runs", "arXiv:2203.15556 eq. 2");
  }

  static Gen<ChinchillaLaw> chinchillaLaws() {
    return Gen.combine(
            List.<Gen<?>>of(
                names(), Gen.elements("", "refit"), sources(), Gen.doubles(0.5, 3), Gen.logUniform(10, 5000),
                Gen.logUniform(10, 5000), Gen.doubles(0.05, 0.8), Gen.doubles(0.05, 0.8)))
        .map(
            v ->
                ChinchillaLaw.builder()
                    .name((String) v.get(0))
                    .description((String) v.get(1))
                    .source((String) v.get(2))
                    .irreducibleLoss((Double) v.get(3))
                    .parameterCoefficient((Double) v.get(4))
                    .tokenCoefficient((Double) v.get(5))
                    .parameterExponent((Double) v.get(6))
                    .tokenExponent((Double) v.get(7))
                    .build());
  }

  static Gen<DataConstrainedLaw> dataConstrainedLaws() {
    return Gen.zip(
        Gen.oneOf(chinchillaLaws(), Gen.constant(ChinchillaLaw.MUENNIGHOFF_2023)),
        Gen.doubles(0.5, 50),
        Gen.doubles(0.5, 50),
        names(),
        (base, tokens, parameters, name) ->
            DataConstrainedLaw.builder()
                .name(name)
                .description("repetition")
                .source("Muennighoff et al. 2023 form")
                .base(base)
                .tokenRepetitionDecay(tokens)
                .parameterRepetitionDecay(parameters)
                .build());
  }

  static Gen<KaplanLaw> kaplanLaws() {
    return Gen.zip(
        Gen.doubles(0.01, 0.2),
        Gen.logUniform(1e12, 1e15),
        Gen.doubles(0.01, 0.2),
        Gen.logUniform(1e12, 1e15),
        (alphaN, nc, alphaD, dc) -> KaplanLaw.builder()
            .name("kaplan-refit")
            .description("")
            .source("our fit")
            .alphaN(alphaN)
            .criticalParameters(nc)
            .alphaD(alphaD)
            .criticalTokens(dc)
            .build());
  }

  static Gen<Double> coefficients() {
    return Gen.doubles(-5, 50);
  }

  static Gen<ScalingLaw> otherLaws() {
    Gen<List<Double>> c = Gen.lists(coefficients(), 8, 8);
    return Gen.zip(
        c,
        Gen.integers(0, 3),
        names(),
        (v, kind, name) -> {
          switch (kind) {
            case 0:
              return DeepSeekLaw.builder()
                  .name(name)
                  .description("")
                  .source("fit")
                  .learningRateCoefficient(v.get(0))
                  .learningRateExponent(v.get(1))
                  .batchTokensCoefficient(v.get(2))
                  .batchTokensExponent(v.get(3))
                  .modelScaleCoefficient(v.get(4))
                  .modelScaleExponent(v.get(5))
                  .tokensCoefficient(v.get(6))
                  .tokensExponent(v.get(7))
                  .build();
            case 1:
              return FineGrainedMoeLaw.builder()
                  .name(name)
                  .description("")
                  .source("fit")
                  .a(v.get(0))
                  .alpha(v.get(1))
                  .b(v.get(2))
                  .beta(v.get(3))
                  .g(v.get(4))
                  .gamma(v.get(5))
                  .c(v.get(6))
                  .build();
            case 2:
              return RoutedMoeLaw.builder()
                  .name(name)
                  .description("")
                  .source("fit")
                  .a(v.get(0))
                  .b(v.get(1))
                  .c(v.get(2))
                  .d(v.get(3))
                  .expertsStart(v.get(4))
                  .expertsMax(v.get(5))
                  .build();
            default:
              return PrecisionScalingLaw.builder()
                  .name(name)
                  .description("")
                  .source("fit")
                  .a(v.get(0))
                  .alpha(v.get(1))
                  .b(v.get(2))
                  .beta(v.get(3))
                  .e(v.get(4))
                  .gammaWeights(v.get(5))
                  .gammaActivations(v.get(6))
                  .gammaKeyValue(v.get(7))
                  .build();
          }
        });
  }

  static Gen<PowerLawAllocation> powerLawAllocations() {
    return Gen.zip(
        Gen.logUniform(1e-3, 1e3),
        Gen.doubles(-1, 1),
        Gen.elements("training tokens", "parameters"),
        (coefficient, exponent, quantity) -> PowerLawAllocation.builder()
            .name("alloc")
            .description("")
            .source("fit")
            .coefficient(coefficient)
            .exponent(exponent)
            .quantity(quantity)
            .build());
  }

  static Gen<LossLaw> lossLaws() {
    return Gen.oneOf(chinchillaLaws(), dataConstrainedLaws(), kaplanLaws());
  }

  static Gen<ScalingLaw> laws() {
    return Gen.oneOf(
        lossLaws(), otherLaws(), powerLawAllocations(), Gen.elements(ScalingLaws.all()));
  }

  static Gen<AllocationProblem> allocationProblems() {
    Gen<Optional<Double>> maybeTokens = Gen.oneOf(Gen.constant(Optional.<Double>empty()), Gen.logUniform(1e9, 1e14).map(Optional::of));
    return Gen.combine(
            List.<Gen<?>>of(
                Gen.oneOf(lossLaws(), Gen.constant(ChinchillaLaw.HOFFMANN_2022)),
                maybeTokens,
                Gen.oneOf(Gen.constant(Optional.<Double>empty()), Gen.logUniform(1e8, 1e13).map(Optional::of)),
                maybeTokens,
                Gen.oneOf(Gen.constant(0.0), Gen.logUniform(1e9, 1e15))))
        .map(
            v -> {
              var builder = AllocationProblem.builder().law((LossLaw) v.get(0)).inferenceTokens((Double) v.get(4));
              @SuppressWarnings("unchecked")
              Optional<Double> unique = (Optional<Double>) v.get(1);
              @SuppressWarnings("unchecked")
              Optional<Double> maxParameters = (Optional<Double>) v.get(2);
              @SuppressWarnings("unchecked")
              Optional<Double> fixed = (Optional<Double>) v.get(3);
              unique.ifPresent(builder::uniqueTokens);
              maxParameters.ifPresent(builder::maxParameters);
              // Fixed tokens within the unique pool are valid for every law.
              fixed.map(f -> unique.map(u -> Math.min(f, u)).orElse(f)).ifPresent(builder::fixedTokens);
              return builder.build();
            });
  }

  static Gen<Allocation> allocations() {
    return Gen.zip(
        Gen.logUniform(1e7, 1e13),
        Gen.logUniform(1e9, 1e14),
        Gen.doubles(1.5, 4),
        Gen.enumValues(BindingConstraint.class),
        (parameters, tokens, loss, binding) ->
            Allocation.builder()
                .parameters(parameters)
                .tokens(tokens)
                .trainingFlops(6 * parameters * tokens)
                .inferenceTokens(0)
                .totalFlops(6 * parameters * tokens)
                .loss(loss)
                .bindingConstraint(binding)
                .build());
  }

  static Gen<Observation> observations() {
    return Gen.zip(
        Gen.logUniform(1e6, 1e12), Gen.logUniform(1e8, 1e13), Gen.doubles(1.5, 6), Observation::new);
  }
}
