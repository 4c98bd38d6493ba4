package dev.persistence.io.allocation;

import static dev.persistence.io.document.ValueCodecs.NON_NEGATIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.NUMBER;
import static dev.persistence.io.document.ValueCodecs.POSITIVE_NUMBER;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import dev.persistence.io.law.LawCodecs;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.scaling.allocation.Allocation;
import dev.persistence.scaling.allocation.AllocationProblem;
import dev.persistence.scaling.allocation.BindingConstraint;
import dev.persistence.scaling.allocation.ImmutableAllocation;
import dev.persistence.scaling.allocation.ImmutableAllocationProblem;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Codecs of compute-optimal allocation ({@code dev.persistence.scaling.allocation}): problems (a loss law and
 * its constraints) and allocations (a result, stored for comparison).
 */
public final class AllocationCodecs {
  private AllocationCodecs() {}

  /**
   * Allocation problems: a loss {@code law}, optional {@code uniqueTokens}, {@code maxParameters} and {@code
   * fixedTokens}, and {@code inferenceTokens} (default 0).
   */
  public static final Codec<AllocationProblem> ALLOCATION_PROBLEM =
      ObjectCodec.builder(
              AllocationProblem.class,
              "allocationProblem",
              AllocationProblem::builder,
              ImmutableAllocationProblem.Builder::build)
          .required("law", LawCodecs.LOSS_LAW)
          .optionalIfSet(
              "uniqueTokens",
              POSITIVE_NUMBER,
              problem -> present(problem.uniqueTokens()),
              ImmutableAllocationProblem.Builder::uniqueTokens)
          .optionalIfSet(
              "maxParameters",
              POSITIVE_NUMBER,
              problem -> present(problem.maxParameters()),
              ImmutableAllocationProblem.Builder::maxParameters)
          .optionalIfSet(
              "fixedTokens",
              POSITIVE_NUMBER,
              problem -> present(problem.fixedTokens()),
              ImmutableAllocationProblem.Builder::fixedTokens)
          .optional("inferenceTokens", NON_NEGATIVE_NUMBER)
          .build();

  private static Optional<Double> present(OptionalDouble value) {
    return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
  }

  /**
   * Allocations (a result, stored for comparison): {@code parameters tokens trainingFlops inferenceTokens
   * totalFlops loss bindingConstraint} ({@code none unique-tokens max-parameters fixed-tokens}); the derived
   * tokens per parameter is not written.
   */
  public static final Codec<Allocation> ALLOCATION =
      ObjectCodec.builder(Allocation.class, "allocation", Allocation::builder, ImmutableAllocation.Builder::build)
          .required("parameters", POSITIVE_NUMBER)
          .required("tokens", POSITIVE_NUMBER)
          .required("trainingFlops", POSITIVE_NUMBER)
          .required("inferenceTokens", NON_NEGATIVE_NUMBER)
          .required("totalFlops", POSITIVE_NUMBER)
          .required("loss", NUMBER)
          .required("bindingConstraint", enumeration(BindingConstraint.class))
          .build();
}
