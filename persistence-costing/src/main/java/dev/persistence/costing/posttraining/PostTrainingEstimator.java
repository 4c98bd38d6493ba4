package dev.persistence.costing.posttraining;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.costing.training.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Costs a post-training stage of a policy model on a stage's resources. Every pass over tokens is priced by the
 * model that owns it: training and forward-only passes by the step-time model under the stage's
 * {@link TrainingLayout} ({@link Trainer}), generated tokens by the serving roofline ({@link Rollouts}), weight
 * transfers by the link they cross; the calibration scales the three to what post-training frameworks reach.
 *
 * <ul>
 *   <li>SFT: {@code examples x tokens x epochs / realTokenShare} tokens through the policy's training step, at
 *       the sequence length its {@link Packing} gives the trainer.
 *   <li>Preference tuning: {@code pairs x (2 prompt + chosen + rejected) x epochs / realTokenShare} tokens through the
 *       policy's training step, the same through the reference's forward when the loss needs one, and the reward
 *       model's training on the same pairs when the recipe has one.
 *   <li>RL, per step: {@code prompts x samples} responses generated; the policy's log-probabilities, the
 *       reference's, the reward model's and (PPO) the value model's forwards on the trainers; {@code innerEpochs}
 *       updates of the policy (and value model); the weights copied to the generators (over the scale-up fabric
 *       when colocated, over the scale-out network when not). {@link RolloutPlacement} composes the parts and
 *       leaves the idle time of each arrangement. A response length of 0 leaves only the prefill and the weight
 *       copy: nothing was generated, so nothing is scored or trained.
 *   <li>Distillation: off-policy, the teacher's generation plus the student's SFT on it; on-policy, an RL-shaped
 *       loop with the teacher's forward in the reward model's place, colocated.
 *   <li>Evaluation: each suite's {@code items x samples x checkpoints} sequences generated; people-hours priced.
 * </ul>
 */
public final class PostTrainingEstimator {
  private PostTrainingEstimator() {}

  /**
   * Costs a stage.
   *
   * @param stage the stage
   * @param policy the model post-trained (the student of a distillation, the model evaluated)
   * @param resources where it runs
   * @throws IllegalArgumentException if the stage does not fit its resources (memory, a layout that does not
   *     divide the accelerators, generation accelerators that leave no trainer)
   */
  public static StageEstimate estimate(PostTrainingStage stage, Architecture policy, StageResources resources) {
    checkArgument(stage != null && policy != null && resources != null, "stage, policy and resources are required");
    if (stage instanceof SupervisedFineTuning sft) {
      return sft(sft, policy, resources);
    }
    if (stage instanceof PreferenceTuning preference) {
      return preference(preference, policy, resources);
    }
    if (stage instanceof ReinforcementLearning rl) {
      return rl(rl, policy, resources, StageKind.RL);
    }
    if (stage instanceof Distillation distillation) {
      return distillation(distillation, policy, resources);
    }
    if (stage instanceof EvaluationRun evaluation) {
      return evaluation(evaluation, policy, resources);
    }
    throw new IllegalArgumentException("unknown stage type " + stage.getClass().getName());
  }

  private static StageComponent component(
      String name, ComponentKind kind, double flops, double acceleratorSeconds, StageResources resources) {
    double hours = acceleratorSeconds / Durations.SECONDS_PER_HOUR;
    return new StageComponent(name, kind, flops, hours, hours * resources.usdPerAcceleratorHour());
  }

  private static StageEstimate sft(SupervisedFineTuning sft, Architecture policy, StageResources resources) {
    long n = resources.acceleratorCount();
    Trainer.Speed speed = Trainer.speed(policy, resources, n, sft.trainingSequenceLength(), sft.globalBatchSize());
    double tokens = sft.processedTokens();
    double seconds = tokens * speed.trainingSecondsPerToken();
    return new StageEstimate(
        StageKind.SFT,
        n,
        seconds,
        0,
        List.of(
            component("policy SFT", ComponentKind.TRAINING, tokens * speed.trainingFlopsPerToken(), n * seconds, resources)),
        Optional.empty());
  }

  /**
   * Sequences per optimizer step of the student's SFT in off-policy distillation, which the stage does not ask for:
   * an assumption, Tülu 3's SFT batch of 128 (Lambert et al. 2024, arXiv:2411.15124 Table 11;
   * {@code reference/post-training.json} pt-tulu3-sft-compute), also {@link SupervisedFineTuning#globalBatchSize()}'s
   * default.
   */
  private static final int OFF_POLICY_STUDENT_BATCH = 128;

  private static StageEstimate preference(PreferenceTuning stage, Architecture policy, StageResources resources) {
    long n = resources.acceleratorCount();
    int sequences = Math.max(1, 2 * stage.globalBatchSize());
    List<StageComponent> parts = new ArrayList<>();
    double wall = 0;
    if (stage.rewardModel().isPresent()) {
      Architecture reward = stage.rewardModel().get();
      Trainer.Speed rm = Trainer.speed(reward, resources, n, stage.trainingSequenceLength(), sequences);
      double tokens = stage.pairs() * stage.processedTokensPerPair() * stage.rewardModelEpochs();
      double seconds = tokens * rm.trainingSecondsPerToken();
      wall += seconds;
      parts.add(
          component("reward model training", ComponentKind.TRAINING, tokens * rm.trainingFlopsPerToken(), n * seconds, resources));
    }
    Trainer.Speed speed = Trainer.speed(policy, resources, n, stage.trainingSequenceLength(), sequences);
    double tokens = stage.processedTokens();
    double trainSeconds = tokens * speed.trainingSecondsPerToken();
    wall += trainSeconds;
    parts.add(
        component(
            "policy " + stage.loss().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
            ComponentKind.TRAINING,
            tokens * speed.trainingFlopsPerToken(),
            n * trainSeconds,
            resources));
    if (stage.loss().needsReference()) {
      double refSeconds = tokens * speed.forwardSecondsPerToken();
      wall += refSeconds;
      parts.add(
          component(
              "reference forward", ComponentKind.FORWARD, tokens * speed.forwardFlopsPerToken(), n * refSeconds, resources));
    }
    return new StageEstimate(StageKind.PREFERENCE, n, wall, 0, parts, Optional.empty());
  }

  static StageEstimate rl(ReinforcementLearning rl, Architecture policy, StageResources resources, StageKind kind) {
    long total = resources.acceleratorCount();
    boolean colocated = rl.placement() == RolloutPlacement.COLOCATED;
    long generators = colocated ? total : rl.generationAccelerators().getAsLong();
    long trainers = colocated ? total : total - generators;
    checkArgument(
        trainers > 0,
        "rl.generationAccelerators (%s) must leave training accelerators out of the stage's %s",
        generators,
        total);
    long sequences = rl.sequencesPerStep();
    int prompt = rl.promptTokens();
    double mean = rl.meanResponseTokens();
    int max = rl.maxResponseTokens();
    int tensorParallel = resources.generationTensorParallel();

    Rollouts.Generated generated =
        Rollouts.generate(policy, resources, generators, tensorParallel, sequences, prompt, mean, max);

    // What was generated is scored and trained on; with nothing generated there is nothing to learn from.
    boolean learns = mean > 0;
    int trainLength = rl.sequencePacking() ? prompt + (int) Math.ceil(mean) : prompt + max;
    double tokens = learns ? sequences * (rl.sequencePacking() ? prompt + mean : (double) trainLength) : 0;
    double miniBatch = Math.max(1.0, (double) sequences / rl.miniBatches());

    double scoringSeconds = 0;
    double scoringFlops = 0;
    double trainingSeconds = 0;
    double trainingFlops = 0;
    List<StageComponent> parts = new ArrayList<>();
    List<double[]> scoring = new ArrayList<>();
    List<String> scoringNames = new ArrayList<>();
    List<double[]> training = new ArrayList<>();
    List<String> trainingNames = new ArrayList<>();
    if (learns) {
      Trainer.Speed policySpeed = Trainer.speed(policy, resources, trainers, trainLength, miniBatch);
      scoringNames.add("policy log-probs forward");
      scoring.add(new double[] {tokens * policySpeed.forwardSecondsPerToken(), tokens * policySpeed.forwardFlopsPerToken()});
      if (rl.referenceModel()) {
        scoringNames.add("reference forward");
        scoring.add(
            new double[] {tokens * policySpeed.forwardSecondsPerToken(), tokens * policySpeed.forwardFlopsPerToken()});
      }
      if (rl.rewardModel().isPresent()) {
        Trainer.Speed reward = Trainer.speed(rl.rewardModel().get(), resources, trainers, trainLength, miniBatch);
        scoringNames.add(kind == StageKind.DISTILLATION ? "teacher forward" : "reward model forward");
        scoring.add(new double[] {tokens * reward.forwardSecondsPerToken(), tokens * reward.forwardFlopsPerToken()});
      }
      trainingNames.add("policy update");
      training.add(
          new double[] {
            rl.innerEpochs() * tokens * policySpeed.trainingSecondsPerToken(),
            rl.innerEpochs() * tokens * policySpeed.trainingFlopsPerToken()
          });
      if (rl.algorithm().trainsCritic()) {
        Architecture critic = rl.valueModel().orElse(policy);
        Trainer.Speed value = Trainer.speed(critic, resources, trainers, trainLength, miniBatch);
        scoringNames.add("value forward");
        scoring.add(new double[] {tokens * value.forwardSecondsPerToken(), tokens * value.forwardFlopsPerToken()});
        trainingNames.add("value update");
        training.add(
            new double[] {
              rl.innerEpochs() * tokens * value.trainingSecondsPerToken(),
              rl.innerEpochs() * tokens * value.trainingFlopsPerToken()
            });
      }
    }
    for (double[] s : scoring) {
      scoringSeconds += s[0];
      scoringFlops += s[1];
    }
    for (double[] t : training) {
      trainingSeconds += t[0];
      trainingFlops += t[1];
    }

    double syncSeconds = weightSyncSeconds(policy, resources, colocated);
    double verifier = rl.verifierSecondsPerStep();
    double gen = generated.seconds();
    double step;
    double idlePerStep;
    switch (rl.placement()) {
      case COLOCATED:
        step = gen + syncSeconds + verifier + scoringSeconds + trainingSeconds;
        idlePerStep = total * verifier;
        break;
      case DISAGGREGATED:
        step = gen + syncSeconds + verifier + scoringSeconds + trainingSeconds;
        idlePerStep = total * verifier + trainers * gen + generators * (scoringSeconds + trainingSeconds);
        break;
      case ASYNCHRONOUS:
        double trainSide = verifier + scoringSeconds + trainingSeconds;
        step = Math.max(gen, trainSide) + syncSeconds;
        idlePerStep = generators * (step - syncSeconds - gen) + trainers * (step - syncSeconds - scoringSeconds - trainingSeconds);
        break;
      default:
        throw new AssertionError(rl.placement());
    }
    double steps = rl.steps();
    parts.add(
        component("rollout generation", ComponentKind.GENERATION, steps * generated.flops(), steps * generators * gen, resources));
    for (int i = 0; i < scoring.size(); i++) {
      parts.add(
          component(scoringNames.get(i), ComponentKind.FORWARD, steps * scoring.get(i)[1], steps * trainers * scoring.get(i)[0], resources));
    }
    for (int i = 0; i < training.size(); i++) {
      parts.add(
          component(trainingNames.get(i), ComponentKind.TRAINING, steps * training.get(i)[1], steps * trainers * training.get(i)[0], resources));
    }
    parts.add(component("weight sync", ComponentKind.WEIGHT_SYNC, 0, steps * total * syncSeconds, resources));
    parts.add(component("idle", ComponentKind.IDLE, 0, steps * Math.max(0, idlePerStep), resources));
    RlStepTime split =
        new RlStepTime(
            gen, syncSeconds, verifier, scoringSeconds, trainingSeconds, step, generators, trainers, generated.batchPerReplica());
    return new StageEstimate(kind, total, steps * step, steps * gen, parts, Optional.of(split));
  }

  /**
   * The trainer's weights to the generators: over the scale-up fabric when colocated (each generation rank gathers
   * its tensor-parallel share from the training shards), over one accelerator's scale-out link when not (the
   * weights are gathered and broadcast to the generators, as open-instruct and OpenRLHF do with NCCL).
   */
  private static double weightSyncSeconds(Architecture policy, StageResources resources, boolean colocated) {
    double bytes = Rollouts.weightBytes(policy, resources);
    double efficiency = resources.calibration().weightSyncEfficiency();
    if (colocated) {
      double link =
          resources
              .cluster()
              .accelerator()
              .scaleUpBandwidthBytesPerSecondPerDirection()
              .orElse(resources.cluster().scaleOutBandwidthBytesPerSecondPerAccelerator());
      return bytes / resources.generationTensorParallel() / (link * efficiency);
    }
    return bytes / (resources.cluster().scaleOutBandwidthBytesPerSecondPerAccelerator() * efficiency);
  }

  private static StageEstimate distillation(Distillation stage, Architecture student, StageResources resources) {
    if (stage.mode() == DistillationMode.ON_POLICY) {
      long steps = (stage.prompts() + stage.promptsPerStep() - 1) / stage.promptsPerStep();
      ReinforcementLearning loop =
          ReinforcementLearning.builder()
              .algorithm(RlAlgorithm.GRPO)
              .steps(steps)
              .promptsPerStep((int) Math.min(stage.promptsPerStep(), stage.prompts()))
              .samplesPerPrompt(stage.samplesPerPrompt())
              .promptTokens(stage.promptTokens())
              .meanResponseTokens(stage.meanResponseTokens())
              .maxResponseTokens(stage.maxResponseTokens())
              .referenceModel(false)
              .rewardModel(stage.teacher())
              .placement(RolloutPlacement.COLOCATED)
              .build();
      return rl(loop, student, resources, StageKind.DISTILLATION);
    }
    long n = resources.acceleratorCount();
    double sequences = (double) stage.prompts() * stage.samplesPerPrompt();
    Rollouts.Generated generated =
        Rollouts.generate(
            stage.teacher(),
            resources,
            n,
            stage.teacherTensorParallel(),
            sequences,
            stage.promptTokens(),
            stage.meanResponseTokens(),
            stage.maxResponseTokens());
    int length = stage.promptTokens() + stage.maxResponseTokens();
    Trainer.Speed speed = Trainer.speed(student, resources, n, length, OFF_POLICY_STUDENT_BATCH);
    double tokens =
        sequences * (stage.promptTokens() + stage.meanResponseTokens()) * stage.epochs() / stage.packingEfficiency();
    double trainSeconds = tokens * speed.trainingSecondsPerToken();
    List<StageComponent> parts =
        List.of(
            component("teacher generation", ComponentKind.GENERATION, generated.flops(), n * generated.seconds(), resources),
            component("student SFT", ComponentKind.TRAINING, tokens * speed.trainingFlopsPerToken(), n * trainSeconds, resources));
    return new StageEstimate(
        StageKind.DISTILLATION, n, generated.seconds() + trainSeconds, generated.seconds(), parts, Optional.empty());
  }

  private static StageEstimate evaluation(EvaluationRun stage, Architecture model, StageResources resources) {
    long n = resources.acceleratorCount();
    List<StageComponent> parts = new ArrayList<>();
    double wall = 0;
    for (BenchmarkSuite suite : stage.suites()) {
      double sequences = (double) suite.sequences() * stage.checkpoints();
      Rollouts.Generated generated =
          Rollouts.generate(
              model,
              resources,
              n,
              resources.generationTensorParallel(),
              sequences,
              suite.promptTokens(),
              suite.outputTokens(),
              suite.outputTokens());
      wall += generated.seconds();
      parts.add(component(suite.name(), ComponentKind.GENERATION, generated.flops(), n * generated.seconds(), resources));
    }
    if (stage.redTeamingPeopleHours() > 0) {
      parts.add(
          new StageComponent(
              "red-teaming", ComponentKind.PEOPLE, 0, 0, stage.redTeamingPeopleHours() * stage.usdPerPeopleHour()));
    }
    if (stage.humanEvaluationPeopleHours() > 0) {
      parts.add(
          new StageComponent(
              "human evaluation",
              ComponentKind.PEOPLE,
              0,
              0,
              stage.humanEvaluationPeopleHours() * stage.usdPerPeopleHour()));
    }
    return new StageEstimate(StageKind.EVALUATION, n, wall, wall, parts, Optional.empty());
  }
}
