package dev.persistence.io.parallelism;

import static dev.persistence.io.document.ValueCodecs.BOOLEAN;
import static dev.persistence.io.document.ValueCodecs.enumeration;
import static dev.persistence.io.document.ValueCodecs.integer;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ExpertRouting;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ImmutableParallelismPlan.Builder;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.TokenDispatcher;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.io.document.Codec;
import dev.persistence.io.document.ObjectCodec;
import dev.persistence.io.document.ValueCodecs;

/**
 * Codecs of parallelism plans ({@code dev.persistence.core.parallelism}). Field names are the accessors' names;
 * the ZeRO stage is its number (0 to 3).
 *
 * <pre>{@code
 * parallelism: {tensorParallel: 8, pipelineParallel: 8, dataParallel: 128, sequenceParallel: true,
 *               zeroStage: 1, recomputation: selective, microBatchSize: 1, globalBatchSize: 2048,
 *               sequenceLength: 8192}
 * }</pre>
 */
public final class ParallelismCodecs {
  private ParallelismCodecs() {}

  /** Parallelism plans; every degree defaults to 1. */
  public static final Codec<ParallelismPlan> PARALLELISM_PLAN =
      ObjectCodec.builder(ParallelismPlan.class, "parallelismPlan", ParallelismPlan::builder, ImmutableParallelismPlan.Builder::build)
          .description("a fixed parallelism plan; every degree defaults to 1")
          .optional("tensorParallel", integer(1))
          .optional("pipelineParallel", integer(1))
          .optional("virtualPipelineStages", integer(1))
          .optional("dataParallel", integer(1))
          .optional("contextParallel", integer(1))
          .optional("expertParallel", integer(1))
          .optional("sequenceParallel", BOOLEAN)
          .optional("zeroStage", ValueCodecs.mapped(integer(0, 3), ZeroStage::of, ZeroStage::stage))
          .optional("recomputation", enumeration(ActivationRecomputation.class))
          .required("microBatchSize", integer(1))
          .required("globalBatchSize", integer(1))
          .required("sequenceLength", integer(1))
          .optional("optimizerOffload", BOOLEAN)
          .optional("activationOffload", BOOLEAN)
          .optional("fusedAttention", BOOLEAN)
          .describedAs(
              "Whether the attention core is one fused kernel that never stores the s x s scores (Dao et al. 2022).")
          // The 2025-recipe fields are written only when they differ from their defaults, so that plans written
          // before they existed read and write as before.
          .optional("expertTensorParallel", integer(1))
          .writtenWhen(plan -> plan.expertTensorParallel() != plan.tensorParallel())
          .describedAs("tensor parallelism inside each expert; default tensorParallel")
          .optional("pipelineSchedule", enumeration(PipelineSchedule.class))
          .writtenWhen(plan -> plan.pipelineSchedule() != PipelineSchedule.ONE_F_ONE_B)
          .optional("recomputedModules", ValueCodecs.enumSet(RecomputedModule.class))
          .writtenWhen(plan -> !plan.recomputedModules().isEmpty())
          .optional("fullyRecomputedLayersPerChunk", integer(0))
          .optional("layersPerChunk", ValueCodecs.list(integer(0)))
          .writtenWhen(plan -> !plan.layersPerChunk().isEmpty())
          .optional("tensorParallelCommunication", enumeration(TensorParallelCommunication.class))
          .writtenWhen(plan -> plan.tensorParallelCommunication() != TensorParallelCommunication.OVERLAPPED)
          .describedAs(
              "whether the tensor-parallel collectives of both passes run beside GEMMs (overlapped, the default:"
                  + " Megatron-Core tp_comm_overlap, TorchTitan async TP) or the forward pass's between its GEMMs"
                  + " (forward-exposed: Megatron-LM without --tp-comm-overlap, TorchTitan by default)")
          .optional("parameterOffload", BOOLEAN)
          .writtenWhen(ParallelismPlan::parameterOffload)
          .describedAs(
              "whether the ZeRO-3 parameter shards live in host memory too (ZeRO-Infinity); needs optimizerOffload"
                  + " and zeroStage 3")
          .optional("tokenDispatcher", enumeration(TokenDispatcher.class))
          .writtenWhen(plan -> plan.tokenDispatcher() != TokenDispatcher.ALL_TO_ALL)
          .describedAs(
              "how routed tokens reach the expert-parallel ranks: all-to-all (one copy per selected expert, the"
                  + " default) or deep-ep (one copy per node and per rank holding a selected expert)")
          .optional("expertRouting", enumeration(ExpertRouting.class))
          .writtenWhen(plan -> plan.expertRouting() != ExpertRouting.UNIFORM)
          .describedAs(
              "which experts a token's router picks, as the dispatch sees it: uniform (a balanced learned router, the"
                  + " default) or contiguous (k consecutive experts, NeMo AutoModel's FakeBalancedGate)")
          .optional("expertCommunicationOverlap", BOOLEAN)
          .writtenWhen(plan -> !plan.expertCommunicationOverlap())
          .describedAs(
              "whether the expert dispatch and combine run beside other compute (default true); false where the"
                  + " compute waits for each (NeMo AutoModel)")
          .build();
}
