package dev.persistence.costing.posttraining;

import static dev.persistence.costing.posttraining.PostTrainingFixtures.a100;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.h100;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama8b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.resources;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The held-out reasoning-RL runs of {@code reference/post-training-heldout.json}, predicted from their stated
 * settings with the one calibration ({@link PostTrainingCalibration#TULU3_405B}), which none of them was used to
 * fit; each test asserts the error it achieves. Settings the sources leave out are the same assumptions as the
 * calibrated figures': 200-token prompts, and (DeepScaleR) a mean response of half the maximum.
 */
class HeldOutPostTrainingTest {

  /** Prompts of math problems with the chat template: the calibrated figures' assumption. */
  private static final int ASSUMED_PROMPT_TOKENS = PublishedPostTrainingTest.ASSUMED_RLVR_PROMPT_TOKENS;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> heldOut(String id) {
    for (Object item : (List<Object>) ReferenceJson.readAny("post-training-heldout.json")) {
      Map<String, Object> map = (Map<String, Object>) item;
      if (id.equals(map.get("id"))) {
        assertTrue(Boolean.TRUE.equals(map.get("held_out")), id + " must be marked held out");
        return (Map<String, Object>) map.get("value");
      }
    }
    throw new AssertionError("no " + id + " in post-training-heldout.json");
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }

  private static double check(String label, double predicted, double published, double tolerance) {
    double error = predicted / published - 1;
    System.out.printf(Locale.ROOT, "held out: %-36s predicted %9.1f published %9.1f error %+6.1f%%%n", label, predicted, published, 100 * error);
    assertTrue(
        Math.abs(error) <= tolerance,
        String.format(Locale.ROOT, "%s: predicted %.4g, published %.4g, error %+.1f%% beyond %.0f%%", label, predicted, published, 100 * error, 100 * tolerance));
    return error;
  }

  /** The model of the held-out entry's {@code architecture} (a Qwen2 decoder: q/k/v biases, SwiGLU, RMSNorm). */
  @SuppressWarnings("unchecked")
  private static Architecture qwen2(Map<String, Object> value) {
    Map<String, Object> config = (Map<String, Object>) value.get("architecture");
    return Architecture.builder()
        .vocabSize((int) number(config, "vocab_size"))
        .hiddenSize((int) number(config, "hidden_size"))
        .numLayers((int) number(config, "num_hidden_layers"))
        .contextLength(131072)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads((int) number(config, "num_attention_heads"))
                .numKeyValueHeads((int) number(config, "num_key_value_heads"))
                .headDim((int) number(config, "head_dim"))
                .queryKeyValueBias((Boolean) config.get("attention_bias"))
                .build())
        .feedForward(DenseFeedForward.of((int) number(config, "intermediate_size"), true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings((Boolean) config.get("tie_word_embeddings"))
        .build();
  }

  /**
   * A100 nodes of 8 on 200 Gb/s HDR InfiniBand per GPU: an assumption (the DGX A100 reference design; the blog
   * does not name the network).
   */
  private static StageResources a100Nodes(int gpus) {
    Cluster cluster =
        Cluster.builder()
            .accelerator(a100())
            .acceleratorsPerNode(8)
            .nodeCount(Math.max(1, (gpus + 7) / 8))
            .scaleOutBandwidthBytesPerSecondPerAccelerator(200e9 / 8)
            .scaleOutLatencySeconds(5e-6)
            .build();
    return StageResources.builder().cluster(cluster).usdPerAcceleratorHour(0).build();
  }

  /**
   * DeepScaleR-1.5B: three GRPO stages (8K on 8 A100s, 16K and 24K on 32), each from its launch script: 128
   * prompts a step, 8 or 16 samples, two mini-batches of 64 prompts, one PPO epoch, packed sequences (veRL's
   * remove-padding), colocated generation and training (veRL's hybrid engine), FSDP with the fastest micro-batch
   * that fits (veRL's dynamic batch size by tokens).
   */
  @Test
  void deepScaleR() {
    Map<String, Object> run = heldOut("ho-deepscaler-1.5b");
    Architecture model = qwen2(run);
    int miniBatches = (int) (128 / number(run, "ppo_mini_batch_prompts"));
    double hours = 0;
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> stages = (List<Map<String, Object>>) run.get("stages");
    for (Map<String, Object> stage : stages) {
      int max = (int) number(stage, "max_response_tokens");
      ReinforcementLearning rl =
          ReinforcementLearning.builder()
              .algorithm(RlAlgorithm.GRPO)
              .steps((long) (number(stage, "last_step") - number(stage, "first_step")))
              .promptsPerStep((int) number(stage, "prompts_per_step"))
              .samplesPerPrompt((int) number(stage, "samples_per_prompt"))
              .promptTokens(ASSUMED_PROMPT_TOKENS)
              .meanResponseTokens(max / 2.0)
              .maxResponseTokens(max)
              .innerEpochs((int) number(run, "ppo_epochs"))
              .miniBatches(miniBatches)
              .sequencePacking((Boolean) run.get("sequence_packing"))
              .placement(RolloutPlacement.COLOCATED)
              .build();
      StageResources base = a100Nodes((int) number(stage, "gpus"));
      StageResources resources =
          StageResources.builder()
              .from(base)
              .trainingLayout(TrainingLayout.builder()
                  .tensorParallel(1)
                  .pipelineParallel(1)
                  .expertParallel(1)
                  .zeroStage(ZeroStage.PARAMETERS)
                  .microBatchSize(0)
                  .recomputation(ActivationRecomputation.FULL)
                  .build())
              .generationTensorParallel((int) number(run, "rollout_tensor_parallel"))
              .build();
      StageEstimate estimate = PostTrainingEstimator.estimate(rl, model, resources);
      System.out.printf(
          Locale.ROOT,
          "held out: DeepScaleR %s stage %.0f A100-h, generating %.0f%%%n",
          stage.get("name"),
          estimate.acceleratorHours(),
          100 * estimate.generationShare());
      hours += estimate.acceleratorHours();
    }
    check("DeepScaleR-1.5B A100-hours", hours, number(run, "total_accelerator_hours"), 0.38);
  }

  /**
   * Tülu 3.1 8B GRPO (open-instruct's grpo_vllm_thread_ray_gtrl.py on 2 nodes): 48 prompts x 16 samples a step,
   * two mini-batches, one epoch, sequences padded to the response limit, ZeRO-2 at micro-batch 2 with
   * recomputation, 12 trainers and four TP-1 vLLM engines, generation one step ahead.
   */
  @Test
  void tulu31Grpo() {
    Map<String, Object> run = heldOut("ho-tulu31-8b-grpo");
    int prompts = (int) (number(run, "actor_gpus") * number(run, "local_rollout_batch_size"));
    int samples = (int) number(run, "number_samples_per_prompt");
    int perGpu = (int) (number(run, "local_rollout_batch_size") * samples);
    ReinforcementLearning rl =
        ReinforcementLearning.builder()
            .algorithm(RlAlgorithm.GRPO)
            .steps((long) Math.ceil(number(run, "episodes") / (prompts * samples)))
            .promptsPerStep(prompts)
            .samplesPerPrompt(samples)
            .promptTokens(ASSUMED_PROMPT_TOKENS)
            .meanResponseTokens(number(run, "mean_response_tokens"))
            .maxResponseTokens((int) number(run, "response_length"))
            .innerEpochs((int) number(run, "num_epochs"))
            .miniBatches((int) (perGpu / number(run, "local_mini_batch_size")))
            .placement(RolloutPlacement.ASYNCHRONOUS)
            .generationAccelerators((long) (number(run, "vllm_num_engines") * number(run, "vllm_tensor_parallel")))
            .build();
    StageResources resources =
        zero2(resources(h100(), (int) number(run, "gpus")), (int) number(run, "per_device_train_batch_size"), (int) number(run, "vllm_tensor_parallel"));
    StageEstimate estimate = PostTrainingEstimator.estimate(rl, llama8b(), resources);
    check("Tulu 3.1 8B GRPO GPU-hours", estimate.acceleratorHours(), number(run, "gpus") * number(run, "hours"), 0.07);
  }

  /**
   * Tülu 3.1 8B GRPO with grpo_fast.py on one node: 64 prompts x 16 samples a step, two mini-batches, one epoch,
   * sequences packed into 4,096-token micro-batches, ZeRO-2 with recomputation, 6 learners and two TP-1 vLLM
   * engines, generation one step ahead.
   */
  @Test
  void tulu31GrpoFast() {
    Map<String, Object> run = heldOut("ho-tulu31-8b-grpo-fast");
    int prompts = (int) number(run, "num_unique_prompts_rollout");
    int samples = (int) number(run, "num_samples_per_prompt_rollout");
    double mean = number(run, "mean_response_tokens");
    ReinforcementLearning rl =
        ReinforcementLearning.builder()
            .algorithm(RlAlgorithm.GRPO)
            .steps((long) Math.ceil(number(run, "episodes") / (prompts * samples)))
            .promptsPerStep(prompts)
            .samplesPerPrompt(samples)
            .promptTokens(ASSUMED_PROMPT_TOKENS)
            .meanResponseTokens(mean)
            .maxResponseTokens((int) number(run, "response_length"))
            .innerEpochs((int) number(run, "num_epochs"))
            .miniBatches((int) number(run, "num_mini_batches"))
            .sequencePacking(true)
            .placement(RolloutPlacement.ASYNCHRONOUS)
            .generationAccelerators((long) (number(run, "vllm_num_engines") * number(run, "vllm_tensor_parallel")))
            .build();
    // A packed micro-batch of pack_length tokens holds that many mean sequences.
    int micro = (int) Math.max(1, Math.floor(number(run, "pack_length") / (ASSUMED_PROMPT_TOKENS + mean)));
    StageResources resources = zero2(resources(h100(), (int) number(run, "gpus")), micro, (int) number(run, "vllm_tensor_parallel"));
    StageEstimate estimate = PostTrainingEstimator.estimate(rl, llama8b(), resources);
    check("Tulu 3.1 8B GRPO fast GPU-hours", estimate.acceleratorHours(), number(run, "gpus") * number(run, "hours"), 0.31);
  }

  /** DeepSpeed ZeRO-2 (optimizer and gradients sharded) at {@code micro} sequences a micro-batch, recomputing. */
  private static StageResources zero2(StageResources resources, int micro, int generationTensorParallel) {
    return StageResources.builder()
        .from(resources)
        .trainingLayout(TrainingLayout.builder()
            .tensorParallel(1)
            .pipelineParallel(1)
            .expertParallel(1)
            .zeroStage(ZeroStage.GRADIENTS)
            .microBatchSize(micro)
            .recomputation(ActivationRecomputation.FULL)
            .build())
        .generationTensorParallel(generationTensorParallel)
        .build();
  }
}
