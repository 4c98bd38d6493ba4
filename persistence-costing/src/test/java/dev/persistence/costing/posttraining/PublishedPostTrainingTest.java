package dev.persistence.costing.posttraining;

import static dev.persistence.costing.posttraining.PostTrainingFixtures.deepseekV3;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.h100;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.h800;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama405b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama70b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.llama8b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.qwen3_8b;
import static dev.persistence.costing.posttraining.PostTrainingFixtures.resources;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.calibration.ReferenceJson;
import dev.persistence.costing.steptime.ShardedGathers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published post-training figures of {@code reference/post-training.json}, each reproduced from its paper's
 * stated settings with the one calibration ({@link PostTrainingCalibration#TULU3_405B}, fitted to the 405B RLVR
 * iteration only), each asserting the error it achieves. Settings a paper leaves out are assumptions named in the
 * test and in the README's post-training section; inputs the data cards give come from
 * {@code reference/post-training-settings.json}.
 */
class PublishedPostTrainingTest {

  /** Bytes of Arrow text per Llama 3 token: an assumption (English prose runs about 4 characters a token). */
  private static final double BYTES_PER_TOKEN = 4.0;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> entry(String file, String id) {
    return (Map<String, Object>) value(file, id);
  }

  /** The {@code value} of the reference entry {@code id} in {@code file}. */
  @SuppressWarnings("unchecked")
  private static Object value(String file, String id) {
    for (Object item : (List<Object>) ReferenceJson.readAny(file)) {
      Map<String, Object> map = (Map<String, Object>) item;
      if (id.equals(map.get("id"))) {
        return map.get("value");
      }
    }
    throw new AssertionError("no " + id + " in " + file);
  }

  @SuppressWarnings("unchecked")
  private static double number(Map<String, Object> map, String... path) {
    Object value = map;
    for (String key : path) {
      value = ((Map<String, Object>) value).get(key);
    }
    return ((Number) value).doubleValue();
  }

  private static double check(String label, double predicted, double published, double tolerance) {
    double error = predicted / published - 1;
    System.out.printf(Locale.ROOT, "%-40s predicted %10.1f published %10.1f error %+6.1f%%%n", label, predicted, published, 100 * error);
    assertTrue(
        Math.abs(error) <= tolerance,
        String.format(Locale.ROOT, "%s: predicted %.4g, published %.4g, error %+.1f%% beyond %.0f%%", label, predicted, published, 100 * error, 100 * tolerance));
    return error;
  }

  // ---- Tülu 3 RLVR (section 6.3, Table 21, section 8.1) ----

  /**
   * 405B: 75 steps of 1,856 sequences, responses to 1,024 tokens, 4 PPO epochs (the launch command's
   * {@code --num_epochs 4}), PPO with an 8B value model, 16 + 240 GPUs.
   */
  static ReinforcementLearning tulu405bRlvr(Map<String, Object> hparams, Map<String, Object> split) {
    return ReinforcementLearning.builder()
        .algorithm(RlAlgorithm.PPO)
        .steps((long) number(hparams, "405B", "steps_trained"))
        .promptsPerStep((int) number(hparams, "405B", "batch"))
        .promptTokens(ASSUMED_RLVR_PROMPT_TOKENS)
        .maxResponseTokens((int) number(hparams, "405B", "response_len"))
        .meanResponseTokens(number(hparams, "405B", "response_len") / 2)
        .innerEpochs(ppoEpochs("405B"))
        .valueModel(llama8b())
        .placement(RolloutPlacement.DISAGGREGATED)
        .generationAccelerators((long) (number(split, "total_gpus") - number(split, "training_gpus")))
        .build();
  }

  /**
   * PPO epochs per step of the Tülu 3 RLVR run of {@code size}: the launch command's {@code --num_epochs} (4 for
   * the 405B, the default 4 for the 8B and 70B; {@code reference/post-training-settings.json}
   * pts-tulu3-rlvr-launch-commands, from open-instruct's docs/tulu3.md).
   */
  static int ppoEpochs(String size) {
    return (int) number(entry("post-training-settings.json", "pts-tulu3-rlvr-launch-commands"), size, "num_epochs");
  }

  /** MATH/GSM8K/IFEval prompts with the chat template: an assumption (the paper gives only the maxima). */
  static final int ASSUMED_RLVR_PROMPT_TOKENS = 200;

  static StageResources tulu405bResources(Map<String, Object> split) {
    return StageResources.builder()
        .from(openInstructRl(resources(h100(), (int) number(split, "total_gpus"))))
        .generationTensorParallel((int) number(split, "inference_tp"))
        .build();
  }

  /**
   * Resources whose ZeRO-3 trainer is open-instruct's RL trainer: DeepSpeed with prefetching and parameter reuse
   * off ({@link ShardedGathers#OPEN_INSTRUCT_RL}, from its {@code get_train_ds_config}).
   */
  static StageResources openInstructRl(StageResources resources) {
    return StageResources.builder()
        .from(resources)
        .trainingLayout(resources.trainingLayout().withShardedGathers(ShardedGathers.OPEN_INSTRUCT_RL))
        .build();
  }

  /**
   * Resources whose ZeRO-3 trainer is open-instruct's SFT and DPO scripts: DeepSpeed through Accelerate with the
   * {@code stage3_no_offloading_accelerate.conf} config, whose {@code "auto"} buckets Accelerate sizes from the
   * model's hidden size ({@link ShardedGathers#accelerateAuto}).
   */
  static StageResources openInstructFinetune(StageResources resources, Architecture model) {
    return StageResources.builder()
        .from(resources)
        .trainingLayout(
            resources.trainingLayout().withShardedGathers(ShardedGathers.accelerateAuto(model.hiddenSize())))
        .build();
  }

  @Test
  void tulu405bRlvrIterationSplit() {
    Map<String, Object> split = entry("post-training.json", "pt-tulu3-405b-rl-step");
    Map<String, Object> hparams = entry("post-training.json", "pt-tulu3-rlvr-hparams");
    RlStepTime step =
        PostTrainingEstimator.estimate(tulu405bRlvr(hparams, split), llama405b(), tulu405bResources(split)).step().get();
    // The calibration was fitted to these three figures: the test holds it to them.
    check("Tulu 3 405B RLVR generation s", step.generationSeconds(), number(split, "inference_s"), 0.02);
    check("Tulu 3 405B RLVR weight sync s", step.weightSyncSeconds(), number(split, "weight_sync_s"), 0.02);
    check(
        "Tulu 3 405B RLVR training s",
        step.scoringSeconds() + step.trainingSeconds(),
        number(split, "training_s"),
        0.02);
  }

  @Test
  void tulu405bRlvrGpuHours() {
    Map<String, Object> split = entry("post-training.json", "pt-tulu3-405b-rl-step");
    Map<String, Object> hparams = entry("post-training.json", "pt-tulu3-rlvr-hparams");
    Map<String, Object> compute = entry("post-training.json", "pt-tulu3-rlvr-compute");
    StageEstimate estimate =
        PostTrainingEstimator.estimate(tulu405bRlvr(hparams, split), llama405b(), tulu405bResources(split));
    check(
        "Tulu 3 405B RLVR GPU-hours",
        estimate.acceleratorHours(),
        number(compute, "405B_rl", "gpus") * number(compute, "405B_rl", "hours"),
        0.10);
  }

  /**
   * 8B: 100,000 episodes of 224 per step (Table 21), responses to 2,048, 4 PPO epochs, on one node (7 train + 1
   * vLLM). The published 65 h are those of a run configured for 10,000,000 episodes and stopped (the launch
   * command), so they cover an unknown number of episodes beyond the released checkpoint's: the prediction for
   * 100,000 is expected to fall short.
   */
  @Test
  void tulu8bRlvrGpuHours() {
    checkTuluRlvr("8B", "8B_rl", false, 1, llama8b(), 0.42);
  }

  /** 70B: 400,000 episodes of 640 per step, responses to 2,048, Table 21's 4 PPO epochs, 8 vLLM + 40 train. */
  @Test
  void tulu70bRlvrGpuHours() {
    checkTuluRlvr("70B_final", "70B_rl", true, 8, llama70b(), 1.30);
  }

  /**
   * A Tülu 3 RLVR run from its hyper-parameters ({@code hparamsKey}) against its GPU-hours ({@code computeKey}):
   * PPO with the launch command's PPO epochs, disaggregated on H100s with one vLLM replica across the generation
   * accelerators, optionally with the 8B value model.
   */
  private static void checkTuluRlvr(
      String hparamsKey,
      String computeKey,
      boolean valueModel,
      int generationAccelerators,
      Architecture model,
      double tolerance) {
    Map<String, Object> hparams = entry("post-training.json", "pt-tulu3-rlvr-hparams");
    Map<String, Object> compute = entry("post-training.json", "pt-tulu3-rlvr-compute");
    int batch = (int) number(hparams, hparamsKey, "batch");
    ImmutableReinforcementLearning.Builder rl =
        ReinforcementLearning.builder()
            .algorithm(RlAlgorithm.PPO)
            .steps((long) Math.ceil(number(hparams, hparamsKey, "episodes") / batch))
            .promptsPerStep(batch)
            .promptTokens(ASSUMED_RLVR_PROMPT_TOKENS)
            .maxResponseTokens((int) number(hparams, hparamsKey, "response_len"))
            .meanResponseTokens(number(hparams, hparamsKey, "response_len") / 2)
            .innerEpochs(ppoEpochs(hparamsKey.replace("_final", "")))
            .placement(RolloutPlacement.DISAGGREGATED)
            .generationAccelerators(generationAccelerators);
    if (valueModel) {
      rl.valueModel(llama8b());
    }
    int gpus = (int) number(compute, computeKey, "gpus");
    StageResources resources =
        StageResources.builder()
            .from(openInstructRl(resources(h100(), gpus)))
            .generationTensorParallel(generationAccelerators)
            .build();
    StageEstimate estimate = PostTrainingEstimator.estimate(rl.build(), model, resources);
    check(
        "Tulu 3 " + hparamsKey.replace("_final", "") + " RLVR GPU-hours",
        estimate.acceleratorHours(),
        gpus * number(compute, computeKey, "hours"),
        tolerance);
  }

  // ---- Tülu 3 SFT (section 4.3) and DPO (section 5.4.1) ----

  static SupervisedFineTuning tuluSft() {
    Map<String, Object> sft = entry("post-training.json", "pt-tulu3-sft-compute");
    Map<String, Object> card = entry("post-training-settings.json", "pts-tulu3-sft-mixture-size");
    // Assumed: one example per micro-batch, neither packed nor padded (open-instruct's finetune.py with
    // --per_device_train_batch_size 1 pads to the longest of the batch); max_len only truncates, so a micro-batch
    // holds the mean example.
    double tokens = number(card, "num_bytes") / number(card, "num_examples") / BYTES_PER_TOKEN;
    return SupervisedFineTuning.builder()
        .examples(number(sft, "sft_prompts"))
        .meanTokensPerExample(tokens)
        .epochs(number(sft, "epochs"))
        .sequenceLength(Math.min((int) number(sft, "max_len"), (int) Math.ceil(tokens)))
        .globalBatchSize((int) number(sft, "batch"))
        .build();
  }

  @Test
  void tulu8bSft() {
    checkTuluSft("8B", llama8b(), 0.75);
  }

  @Test
  void tulu70bSft() {
    checkTuluSft("70B", llama70b(), 0.27);
  }

  private static void checkTuluSft(String size, Architecture model, double tolerance) {
    Map<String, Object> sft = entry("post-training.json", "pt-tulu3-sft-compute");
    int gpus = (int) number(sft, size, "gpus");
    StageEstimate estimate =
        PostTrainingEstimator.estimate(tuluSft(), model, openInstructFinetune(resources(h100(), gpus), model));
    check("Tulu 3 " + size + " SFT GPU-hours", estimate.acceleratorHours(), gpus * number(sft, size, "hours"), tolerance);
  }

  /** A pair's tokens from the 8B card: its bytes less one of the three copies of the prompt, over 4 bytes a token. */
  static PreferenceTuning tuluDpo(double pairs) {
    Map<String, Object> dpo = entry("post-training.json", "pt-tulu3-dpo-compute");
    Map<String, Object> card = entry("post-training-settings.json", "pts-tulu3-8b-preference-mixture-size");
    double tokensPerRow = number(card, "num_bytes") / number(card, "num_examples") / BYTES_PER_TOKEN;
    double prompt = ASSUMED_DPO_PROMPT_TOKENS;
    double response = (tokensPerRow - 3 * prompt) / 2;
    return PreferenceTuning.builder()
        .loss(PreferenceLoss.LENGTH_NORMALIZED_DPO)
        .pairs(pairs)
        .promptTokens(prompt)
        .chosenTokens(response)
        .rejectedTokens(response)
        .epochs(number(dpo, "epochs"))
        // Assumed as for SFT: one pair per micro-batch, padded to its longer side only, max_len truncating.
        .sequenceLength(Math.min((int) number(dpo, "max_len"), (int) Math.ceil(prompt + response)))
        .globalBatchSize((int) number(dpo, "batch"))
        .build();
  }

  /** Mean prompt of a preference pair: an assumption (UltraFeedback and WildChat prompts). */
  static final double ASSUMED_DPO_PROMPT_TOKENS = 150;

  @Test
  void tulu8bDpo() {
    checkTuluDpo("8B", "num_examples", llama8b(), 0.17);
  }

  @Test
  void tulu70bDpo() {
    checkTuluDpo("70B", "num_pairs", llama70b(), 0.14);
  }

  /** A DPO run on the pairs of the {@code size} preference card (counted by {@code pairsField}). */
  private static void checkTuluDpo(String size, String pairsField, Architecture model, double tolerance) {
    Map<String, Object> dpo = entry("post-training.json", "pt-tulu3-dpo-compute");
    Map<String, Object> card =
        entry("post-training-settings.json", "pts-tulu3-" + size.toLowerCase(Locale.ROOT) + "-preference-mixture-size");
    int gpus = (int) number(dpo, size, "gpus");
    StageEstimate estimate =
        PostTrainingEstimator.estimate(
            tuluDpo(number(card, pairsField)), model, openInstructFinetune(resources(h100(), gpus), model));
    check("Tulu 3 " + size + " DPO GPU-hours", estimate.acceleratorHours(), gpus * number(dpo, size, "hours"), tolerance);
  }

  /** The 8B reward model: a Bradley-Terry model on the 8B preference pairs, one epoch (assumed), 8 GPUs. */
  @Test
  void tulu8bRewardModel() {
    Map<String, Object> compute = entry("post-training.json", "pt-tulu3-rlvr-compute");
    Map<String, Object> card = entry("post-training-settings.json", "pts-tulu3-8b-preference-mixture-size");
    int gpus = (int) number(compute, "8B_reward_model", "gpus");
    PreferenceTuning withReward =
        PreferenceTuning.builder().from(tuluDpo(number(card, "num_examples"))).rewardModel(llama8b()).build();
    StageEstimate estimate =
        PostTrainingEstimator.estimate(
            withReward, llama8b(), openInstructFinetune(resources(h100(), gpus), llama8b()));
    double rewardHours =
        estimate.components().stream()
            .filter(c -> c.name().equals("reward model training"))
            .mapToDouble(StageComponent::acceleratorHours)
            .sum();
    check("Tulu 3 8B reward model GPU-hours", rewardHours, gpus * number(compute, "8B_reward_model", "hours"), 0.27);
  }

  // ---- Qwen3-8B: on-policy distillation against RL (Table 21) ----

  /**
   * Qwen3-32B as the teacher (its config.json: 64 layers, 5,120 wide, 25,600 FFN, 64 heads, 8 KV heads): an
   * assumption, the report names the flagship teachers without saying which one Table 21 used.
   */
  static Architecture qwen3_32b() {
    return Architecture.builder()
        .vocabSize(151936)
        .hiddenSize(5120)
        .numLayers(64)
        .contextLength(40960)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(64).numKeyValueHeads(8).headDim(128).build())
        .feedForward(DenseFeedForward.of(25600, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  @Test
  void qwen3DistillationAgainstRl() {
    Map<String, Object> table = entry("post-training.json", "pt-qwen3-distill-vs-rl");
    Map<String, Object> rlStage = entry("post-training.json", "pt-qwen3-reasoning-rl");
    // Assumed, the same for both arms: Qwen3's reasoning-RL steps (section 4.2) of 1,024 sequences, thinking
    // responses of 8K tokens mean and 16K max, 128 GPUs (H100 here; the report does not name them), colocated.
    // RL samples each of 64 prompts 16 times (the GRPO group); distillation sees the same prompts once each, in
    // steps of the same 1,024 sequences (the teacher's logits replace the group baseline).
    long steps = (long) number(rlStage, "rl_steps");
    int group = 16;
    int sequencesPerStep = 1024;
    StageResources resources = resources(h100(), 128);
    ReinforcementLearning rl =
        ReinforcementLearning.builder()
            .algorithm(RlAlgorithm.GRPO)
            .steps(steps)
            .promptsPerStep(sequencesPerStep / group)
            .samplesPerPrompt(group)
            .promptTokens(ASSUMED_RLVR_PROMPT_TOKENS)
            .meanResponseTokens(8192)
            .maxResponseTokens(16384)
            .sequencePacking(true)
            .build();
    Distillation distillation =
        Distillation.builder()
            .teacher(qwen3_32b())
            .mode(DistillationMode.ON_POLICY)
            .prompts(steps * sequencesPerStep / group)
            .promptsPerStep(sequencesPerStep)
            .samplesPerPrompt(1)
            .promptTokens(ASSUMED_RLVR_PROMPT_TOKENS)
            .meanResponseTokens(8192)
            .maxResponseTokens(16384)
            .build();
    double rlHours = PostTrainingEstimator.estimate(rl, qwen3_8b(), resources).acceleratorHours();
    double distillHours = PostTrainingEstimator.estimate(distillation, qwen3_8b(), resources).acceleratorHours();
    System.out.printf(Locale.ROOT, "Qwen3-8B RL %.0f GPU-h, distillation %.0f GPU-h%n", rlHours, distillHours);
    check(
        "Qwen3-8B RL / distillation GPU-hours",
        rlHours / distillHours,
        number(table, "rl_gpu_hours") / number(table, "distillation_gpu_hours"),
        0.05);
  }

  // ---- DeepSeek-V3: 5K H800 GPU-hours of post-training (Table 1) ----

  @Test
  void deepseekV3PostTraining() {
    Map<String, Object> table = entry("post-training.json", "pt-deepseek-v3-posttrain-gpuh");
    Map<String, Object> sft = entry("post-training-settings.json", "pts-deepseek-v3-sft");
    // Assumed: 1,000 tokens per instance packed into 4,096-token sequences, on 2,048 H800s split as in
    // pre-training (section 3.2: PP 16, EP 64, ZeRO-1), FP8 training.
    SupervisedFineTuning stage =
        SupervisedFineTuning.builder()
            .examples(number(sft, "instances"))
            .meanTokensPerExample(1000)
            .epochs(number(sft, "epochs"))
            .sequenceLength(4096)
            .globalBatchSize(1920)
            .build();
    StageResources resources =
        StageResources.builder()
            .from(resources(h800(), 2048))
            .precision(TrainingPrecision.FP8_DEEPSEEK_V3)
            .trainingLayout(new TrainingLayout(1, 16, 64, ZeroStage.OPTIMIZER_STATES, 1, ActivationRecomputation.FULL))
            .build();
    StageEstimate estimate = PostTrainingEstimator.estimate(stage, deepseekV3(), resources);
    check("DeepSeek-V3 post-training H800-hours", estimate.acceleratorHours(), number(table, "post_training_gpu_hours"), 0.18);
  }

  // ---- OpenRLHF: about 80% of RLHF time generating ----

  /**
   * OpenRLHF's README example (Llama-3-8B PPO, Ray + vLLM, hybrid engine): 1,024 prompts a rollout, prompts and
   * responses to 1,024 tokens (mean 512 assumed), an 8B reward model and critic, 8 GPUs colocated.
   */
  @Test
  void openRlhfGenerationShare() {
    ReinforcementLearning rl =
        ReinforcementLearning.builder()
            .algorithm(RlAlgorithm.PPO)
            .steps(1)
            .promptsPerStep(1024)
            .promptTokens(512)
            .meanResponseTokens(512)
            .maxResponseTokens(1024)
            .rewardModel(llama8b())
            .placement(RolloutPlacement.COLOCATED)
            .build();
    // The claim describes generation by the training engine (the case OpenRLHF's vLLM engines replace), at the
    // README's micro rollout batch of 16.
    StageResources resources =
        StageResources.builder()
            .from(openRlhf(resources(h100(), 8)))
            .generationEngine(GenerationEngine.TRAINING_ENGINE)
            .generationBatchLimit(16)
            .build();
    StageEstimate estimate = PostTrainingEstimator.estimate(rl, llama8b(), resources);
    StageEstimate withVllm = PostTrainingEstimator.estimate(rl, llama8b(), openRlhf(resources(h100(), 8)));
    System.out.printf(Locale.ROOT, "OpenRLHF setting with an inference engine: generation share %.2f%n", withVllm.generationShare());
    check("OpenRLHF generation share", estimate.generationShare(), openRlhfShare(), 0.25);
  }

  /**
   * OpenRLHF's trainer: DeepSpeed ZeRO-3 (the README example's {@code --zero_stage 3}) with its
   * {@code get_train_ds_config}'s {@code "auto"} buckets, which DeepSpeed reads as its defaults.
   */
  private static StageResources openRlhf(StageResources resources) {
    return StageResources.builder()
        .from(resources)
        .trainingLayout(resources.trainingLayout().withShardedGathers(ShardedGathers.DEEPSPEED_DEFAULTS))
        .build();
  }

  private static double openRlhfShare() {
    return ((Number) value("post-training.json", "pt-openrlhf-generation-share")).doubleValue();
  }
}
