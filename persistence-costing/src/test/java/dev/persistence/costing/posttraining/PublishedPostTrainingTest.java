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
import dev.persistence.core.parallelism.Offload;
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
 * iteration only), each asserting the error it achieves. Each Tülu 3 run takes its launch command's settings as the
 * command and the code of its date ran them ({@code reference/post-training-settings.json}); the RLVR runs were
 * stopped by hand past their released checkpoints, so their published hours are held between two predictions (the
 * checkpoint's work and the configured work) and their point errors are reported, not fitted. Settings a paper
 * leaves out are assumptions named in the test and in the README's post-training section.
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

  /** A setting of the Tülu 3 RLVR launch command of {@code size} ({@code pts-tulu3-rlvr-launch-commands}). */
  static double launch(String size, String key) {
    return number(entry("post-training-settings.json", "pts-tulu3-rlvr-launch-commands"), size, key);
  }

  @SuppressWarnings("unchecked")
  private static boolean launchFlag(String size, String key) {
    Map<String, Object> command =
        (Map<String, Object>) entry("post-training-settings.json", "pts-tulu3-rlvr-launch-commands").get(size);
    return (Boolean) command.get(key);
  }

  /**
   * A Tülu 3 RLVR run of {@code size} ({@code 8B}, {@code 70B}, {@code 405B}) over {@code episodes}, as its launch
   * command ran it: PPO with the command's PPO epochs, sequences padded to the prompt plus the response limit,
   * generation one step ahead of training (open-instruct's default {@code async_mode},
   * {@code pts-tulu3-rlvr-async-mode}), one vLLM engine of the command's tensor-parallel size, the 8B reward model
   * as the value model and, before open-instruct stopped forwarding it (the 8B and 70B runs), as a reward model
   * whose score is multiplied by 0.
   */
  static ReinforcementLearning tuluRlvr(String size, double episodes) {
    Map<String, Object> hparams = entry("post-training.json", "pt-tulu3-rlvr-hparams");
    String key = size.equals("70B") ? "70B_final" : size;
    int batch = (int) number(hparams, key, "batch");
    int response = (int) number(hparams, key, "response_len");
    ImmutableReinforcementLearning.Builder rl =
        ReinforcementLearning.builder()
            .algorithm(RlAlgorithm.PPO)
            .steps((long) Math.ceil(episodes / batch))
            .promptsPerStep(batch)
            .promptTokens(ASSUMED_RLVR_PROMPT_TOKENS)
            .maxResponseTokens(response)
            .meanResponseTokens(response / 2.0)
            .innerEpochs((int) launch(size, "num_epochs"))
            .valueModel(llama8b())
            .placement(RolloutPlacement.ASYNCHRONOUS)
            .generationAccelerators(generators(size));
    if (launchFlag(size, "reward_model_forwarded")) {
      rl.rewardModel(llama8b());
    }
    return rl.build();
  }

  /** Episodes of the released checkpoint of {@code size}: Table 21's for the 8B and 70B, 75 steps for the 405B. */
  static double checkpointEpisodes(String size) {
    Map<String, Object> hparams = entry("post-training.json", "pt-tulu3-rlvr-hparams");
    return size.equals("405B")
        ? number(hparams, "405B", "steps_trained") * number(hparams, "405B", "batch")
        : number(hparams, size.equals("70B") ? "70B_final" : size, "episodes");
  }

  private static long generators(String size) {
    return (long) (launch(size, "vllm_num_engines") * launch(size, "vllm_tensor_parallel"));
  }

  /**
   * The accelerators of the Tülu 3 RLVR run of {@code size} that work: the command's actors and its vLLM engine,
   * in nodes of 8 holding {@code gpus_held} (the paper's count; the rest sit idle), with open-instruct's RL
   * trainer (DeepSpeed ZeRO-3, prefetching and reuse off: {@link ShardedGathers#OPEN_INSTRUCT_RL}) at the
   * command's micro-batch.
   */
  static StageResources tuluRlvrResources(String size) {
    int held = (int) launch(size, "gpus_held");
    long working = (long) launch(size, "actor_gpus") + generators(size);
    StageResources base = resources(h100(), held);
    TrainingLayout layout = base.trainingLayout();
    return StageResources.builder()
        .from(base)
        .accelerators(working)
        .trainingLayout(
            TrainingLayout.builder()
                .tensorParallel(layout.tensorParallel())
                .pipelineParallel(layout.pipelineParallel())
                .expertParallel(layout.expertParallel())
                .zeroStage(layout.zeroStage())
                .microBatchSize((int) launch(size, "per_device_train_batch_size"))
                .recomputation(layout.recomputation())
                .shardedGathers(ShardedGathers.OPEN_INSTRUCT_RL)
                .build())
        .generationTensorParallel((int) launch(size, "vllm_tensor_parallel"))
        .build();
  }

  /** GPU-hours the run holds: its wall clock times every GPU of its nodes, idle ones included. */
  static double heldGpuHours(String size, double episodes) {
    StageEstimate estimate = PostTrainingEstimator.estimate(tuluRlvr(size, episodes), model(size), tuluRlvrResources(size));
    return estimate.wallClockHours() * launch(size, "gpus_held");
  }

  private static Architecture model(String size) {
    switch (size) {
      case "8B":
        return llama8b();
      case "70B":
        return llama70b();
      default:
        return llama405b();
    }
  }

  /** MATH/GSM8K/IFEval prompts with the chat template: an assumption (the paper gives only the maxima). */
  static final int ASSUMED_RLVR_PROMPT_TOKENS = 200;

  @Test
  void tulu405bRlvrIterationSplit() {
    Map<String, Object> split = entry("post-training.json", "pt-tulu3-405b-rl-step");
    RlStepTime step =
        PostTrainingEstimator.estimate(tuluRlvr("405B", checkpointEpisodes("405B")), llama405b(), tuluRlvrResources("405B"))
            .step()
            .get();
    // The calibration was fitted to these three figures: the test holds it to them.
    check("Tulu 3 405B RLVR generation s", step.generationSeconds(), number(split, "inference_s"), 0.02);
    check("Tulu 3 405B RLVR weight sync s", step.weightSyncSeconds(), number(split, "weight_sync_s"), 0.02);
    check(
        "Tulu 3 405B RLVR training s",
        step.scoringSeconds() + step.trainingSeconds(),
        number(split, "training_s"),
        0.02);
  }

  /**
   * The published RL hours of {@code size} against the run they describe. The runs were stopped by hand past
   * their released checkpoints ({@code pts-tulu3-rlvr-run-lengths}, {@code pts-tulu3-rlvr-async-mode}), so the
   * hours must lie between the prediction for the checkpoint's episodes (the 405B's 75 steps, the 8B's 100,000;
   * the 70B's checkpoint is not stated, so nothing bounds it from below) and the prediction for the command's
   * configured episodes. The point error printed is the checkpoint's, and the episodes the hours imply are printed
   * beside it.
   */
  private static double checkTuluRlvrBracket(String size, boolean lowerBound, double pointTolerance) {
    Map<String, Object> compute = entry("post-training.json", "pt-tulu3-rlvr-compute");
    String computeKey = size + "_rl";
    double published = number(compute, computeKey, "gpus") * number(compute, computeKey, "hours");
    double atCheckpoint = heldGpuHours(size, checkpointEpisodes(size));
    double atConfigured = heldGpuHours(size, launch(size, "total_episodes"));
    System.out.printf(
        Locale.ROOT,
        "Tulu 3 %s RLVR: the published %.0f GPU-h imply %.0f episodes (checkpoint %.0f, configured %.0f)%n",
        size,
        published,
        checkpointEpisodes(size) * published / atCheckpoint,
        checkpointEpisodes(size),
        launch(size, "total_episodes"));
    if (lowerBound) {
      assertTrue(atCheckpoint <= published, size + ": the checkpoint's episodes alone cost more than the published hours");
    }
    assertTrue(atConfigured >= published, size + ": the configured episodes cost less than the published hours");
    return check("Tulu 3 " + size + " RLVR GPU-hours (stated episodes)", atCheckpoint, published, pointTolerance);
  }

  /** 405B: 75 steps of 1,856 sequences, responses to 1,024, 232 + 16 GPUs at work of 256 held. */
  @Test
  void tulu405bRlvrGpuHours() {
    checkTuluRlvrBracket("405B", true, 0.31);
  }

  /** 8B: 100,000 episodes of 224 a step, responses to 2,048, micro-batches of 2, 7 trainers and 1 vLLM GPU. */
  @Test
  void tulu8bRlvrGpuHours() {
    checkTuluRlvrBracket("8B", true, 0.57);
  }

  /** 70B: 400,000 configured episodes of 640 a step, responses to 2,048, 40 trainers and one TP-4 engine. */
  @Test
  void tulu70bRlvrGpuHours() {
    checkTuluRlvrBracket("70B", false, 1.13);
  }

  // ---- Tülu 3 SFT (section 4.3) and DPO (section 5.4.1) ----

  /**
   * Tülu 3's SFT: one example per micro-batch, padded to the longest of a batch of one, so unpadded
   * ({@link Packing#PER_EXAMPLE}: open-instruct's finetune.py, {@code pts-tulu3-finetune-commands}), truncated at
   * {@code max_seq_length}; the mean example from the mixture card's bytes.
   */
  static SupervisedFineTuning tuluSft() {
    Map<String, Object> sft = entry("post-training.json", "pt-tulu3-sft-compute");
    Map<String, Object> card = entry("post-training-settings.json", "pts-tulu3-sft-mixture-size");
    double tokens = number(card, "num_bytes") / number(card, "num_examples") / BYTES_PER_TOKEN;
    return SupervisedFineTuning.builder()
        .examples(number(sft, "sft_prompts"))
        .meanTokensPerExample(tokens)
        .epochs(number(sft, "epochs"))
        .sequenceLength((int) number(sft, "max_len"))
        .packing(Packing.PER_EXAMPLE)
        .globalBatchSize((int) number(sft, "batch"))
        .build();
  }

  /** A Tülu 3 fine-tuning command's setting ({@code pts-tulu3-finetune-commands}). */
  @SuppressWarnings("unchecked")
  private static boolean gradientCheckpointing(String run) {
    Map<String, Object> command =
        (Map<String, Object>) entry("post-training-settings.json", "pts-tulu3-finetune-commands").get(run);
    return (Boolean) command.get("gradient_checkpointing");
  }

  /**
   * Resources whose ZeRO-3 trainer is open-instruct's SFT and DPO scripts: DeepSpeed through Accelerate with the
   * {@code stage3_no_offloading_accelerate.conf} config, whose {@code "auto"} buckets Accelerate sizes from the
   * model's hidden size ({@link ShardedGathers#accelerateAuto}), recomputing the activations only where the
   * command passes {@code --gradient_checkpointing} ({@code run}'s entry in {@code pts-tulu3-finetune-commands}).
   */
  static StageResources openInstructFinetune(StageResources resources, Architecture model, String run) {
    StageResources finetune = openInstructFinetune(resources, model, gradientCheckpointing(run));
    return StageResources.builder()
        .from(finetune)
        .trainingLayout(TrainingLayout.builder().from(finetune.trainingLayout()).offload(offload(run)).build())
        .build();
  }

  /**
   * The offload of a command's DeepSpeed config: {@code offload_optimizer.device} and {@code offload_param.device}
   * ({@code pts-tulu3-finetune-commands}); a command that names neither offloads nothing.
   */
  @SuppressWarnings("unchecked")
  static Offload offload(String run) {
    Map<String, Object> command =
        (Map<String, Object>) entry("post-training-settings.json", "pts-tulu3-finetune-commands").get(run);
    boolean optimizer = "cpu".equals(command.get("offload_optimizer_device"));
    boolean parameters = "cpu".equals(command.get("offload_param_device"));
    if (parameters) {
      assertTrue(optimizer, run + " offloads parameters without the optimizer");
      return Offload.OPTIMIZER_AND_PARAMETERS;
    }
    return optimizer ? Offload.OPTIMIZER : Offload.NONE;
  }

  private static StageResources openInstructFinetune(
      StageResources resources, Architecture model, boolean gradientCheckpointing) {
    TrainingLayout layout = resources.trainingLayout();
    return StageResources.builder()
        .from(resources)
        .trainingLayout(
            TrainingLayout.builder()
                .tensorParallel(layout.tensorParallel())
                .pipelineParallel(layout.pipelineParallel())
                .expertParallel(layout.expertParallel())
                .zeroStage(layout.zeroStage())
                .microBatchSize(layout.microBatchSize())
                .recomputation(gradientCheckpointing ? ActivationRecomputation.FULL : ActivationRecomputation.NONE)
                .shardedGathers(ShardedGathers.accelerateAuto(model.hiddenSize()))
                .build())
        .build();
  }

  /**
   * 8B: the paper's 32 GPUs for 6 hours, no recomputation (the command has no {@code --gradient_checkpointing}).
   * The paper's count disagrees with its own launch command's 8 machines (64 GPUs) and with open-instruct's
   * reproduction ({@link #tulu8bSftReproduction}), which the same model predicts within 11%: the +70% is against
   * the printed 32 GPUs.
   */
  @Test
  void tulu8bSft() {
    checkTuluSft("8B", llama8b(), 0.72);
  }

  /**
   * open-instruct's reproduction of the 8B SFT ({@code pt-tulu3-8b-sft-reproduction}): the same mixture and batch
   * on 64 GPUs with recomputation, 8.8 hours of wall clock.
   */
  @Test
  void tulu8bSftReproduction() {
    Map<String, Object> repro = entry("post-training.json", "pt-tulu3-8b-sft-reproduction");
    int gpus = (int) number(repro, "gpus");
    StageResources resources =
        openInstructFinetune(resources(h100(), gpus), llama8b(), (Boolean) repro.get("gradient_checkpointing"));
    StageEstimate estimate = PostTrainingEstimator.estimate(tuluSft(), llama8b(), resources);
    check("Tulu 3 8B SFT reproduction GPU-hours", estimate.acceleratorHours(), gpus * number(repro, "hours"), 0.11);
  }

  /** 70B: 64 GPUs, full recomputation. */
  @Test
  void tulu70bSft() {
    checkTuluSft("70B", llama70b(), 0.29);
  }

  private static void checkTuluSft(String size, Architecture model, double tolerance) {
    Map<String, Object> sft = entry("post-training.json", "pt-tulu3-sft-compute");
    int gpus = (int) number(sft, size, "gpus");
    StageEstimate estimate =
        PostTrainingEstimator.estimate(
            tuluSft(), model, openInstructFinetune(resources(h100(), gpus), model, size + "_sft"));
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
        // One pair per micro-batch, chosen and rejected padded to the longer (equal means here: the cards give
        // no lengths), max_len truncating (open-instruct's dpo_tune.py, pts-tulu3-finetune-commands).
        .sequenceLength((int) number(dpo, "max_len"))
        .packing(Packing.PER_EXAMPLE)
        .globalBatchSize((int) number(dpo, "batch"))
        .build();
  }

  /** Mean prompt of a preference pair: an assumption (UltraFeedback and WildChat prompts). */
  static final double ASSUMED_DPO_PROMPT_TOKENS = 150;

  @Test
  void tulu8bDpo() {
    checkTuluDpo("8B", "num_examples", llama8b(), 0.19);
  }

  /**
   * 70B: 64 GPUs, ZeRO-3 with the optimizer and parameters offloaded to the CPU (its DeepSpeed config): -15.9%
   * before offload was modelled, -7.6% with the CPU-Adam step and the host-link transfers.
   */
  @Test
  void tulu70bDpo() {
    checkTuluDpo("70B", "num_pairs", llama70b(), 0.08);
  }

  /** A DPO run on the pairs of the {@code size} preference card (counted by {@code pairsField}). */
  private static void checkTuluDpo(String size, String pairsField, Architecture model, double tolerance) {
    Map<String, Object> dpo = entry("post-training.json", "pt-tulu3-dpo-compute");
    Map<String, Object> card =
        entry("post-training-settings.json", "pts-tulu3-" + size.toLowerCase(Locale.ROOT) + "-preference-mixture-size");
    int gpus = (int) number(dpo, size, "gpus");
    StageEstimate estimate =
        PostTrainingEstimator.estimate(
            tuluDpo(number(card, pairsField)),
            model,
            openInstructFinetune(resources(h100(), gpus), model, size + "_dpo"));
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
            withReward, llama8b(), openInstructFinetune(resources(h100(), gpus), llama8b(), "8B_rm"));
    double rewardHours =
        estimate.components().stream()
            .filter(c -> c.name().equals("reward model training"))
            .mapToDouble(StageComponent::acceleratorHours)
            .sum();
    check("Tulu 3 8B reward model GPU-hours", rewardHours, gpus * number(compute, "8B_reward_model", "hours"), 0.29);
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
            .trainingLayout(TrainingLayout.builder()
                .tensorParallel(1)
                .pipelineParallel(16)
                .expertParallel(64)
                .zeroStage(ZeroStage.OPTIMIZER_STATES)
                .microBatchSize(1)
                .recomputation(ActivationRecomputation.FULL)
                .build())
            .build();
    StageEstimate estimate = PostTrainingEstimator.estimate(stage, deepseekV3(), resources);
    check("DeepSeek-V3 post-training H800-hours", estimate.acceleratorHours(), number(table, "post_training_gpu_hours"), 0.21);
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
        .trainingLayout(
            TrainingLayout.builder().from(resources.trainingLayout()).shardedGathers(ShardedGathers.DEEPSPEED_DEFAULTS).build())
        .build();
  }

  private static double openRlhfShare() {
    return ((Number) value("post-training.json", "pt-openrlhf-generation-share")).doubleValue();
  }
}
