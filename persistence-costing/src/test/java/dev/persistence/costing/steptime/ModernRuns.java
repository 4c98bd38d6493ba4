package dev.persistence.costing.steptime;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.MixtureOfExperts;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.hardware.ImmutableAccelerator;
import dev.persistence.core.parallelism.ActivationRecomputation;
import dev.persistence.core.parallelism.ExpertRouting;
import dev.persistence.core.parallelism.ImmutableParallelismPlan;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.parallelism.PipelineSchedule;
import dev.persistence.core.parallelism.RecomputedModule;
import dev.persistence.core.parallelism.TensorParallelCommunication;
import dev.persistence.core.parallelism.TokenDispatcher;
import dev.persistence.core.parallelism.ZeroStage;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.PublishedModels;
import dev.persistence.costing.calibration.ReferenceJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The production runs of {@code reference/training-runs-modern.json} (NVIDIA NeMo and Megatron-Bridge performance
 * tables, the Megatron-LM README, TorchTitan's benchmark tables, NeMo AutoModel), read into this project's types
 * exactly as each row states them. Where a row leaves something out, the reading below fills it the way that
 * framework's documented defaults do, and says so in {@link Run#readings()}:
 *
 * <ul>
 *   <li>NeMo / Megatron-Bridge / Megatron-LM: Megatron-Core's distributed optimizer (ZeRO-1 over data x context),
 *       sequence parallelism whenever {@code tp > 1}, fused (cuDNN / flash) attention, bf16 parameters with fp32
 *       main gradients, master weights and Adam moments (Megatron Core developer guide, "Distributed Optimizer":
 *       18 bytes per parameter, {@code 6 + 12/d} sharded); FP8 rows keep the same state and run the GEMMs in FP8
 *       (Transformer Engine keeps no persistent FP8 weight copy beside the bf16 one in these recipes).
 *   <li>TorchTitan and NeMo AutoModel (PyTorch FSDP2): fp32 sharded parameters, gradients and Adam moments
 *       (FSDP2's MixedPrecisionPolicy keeps the sharded parameters in fp32 and all-gathers bf16), that is ZeRO-3
 *       over the FSDP degree; its {@code local_batch} is the per-rank batch of one step, one micro-batch without
 *       pipeline parallelism and micro-batches of one sequence with it (TorchTitan's 2025 default
 *       {@code pipeline_parallel_microbatch_size = 1}), or as many micro-batches as pipeline stages for the rows
 *       measured at TorchTitan 9dec370 (December 2024), whose default that was.
 *   <li>Tensor-parallel communication: the forward's exposed where the row says {@code async_tp: false}, or for a TorchTitan
 *       row that does not say (async TP is off by default); overlapped otherwise (the NeMo, Megatron-Bridge and
 *       Megatron-LM recipes switch {@code tp_comm_overlap} on). A row that also measured async TP gives a second
 *       run.
 *   <li>Sequence length: the row's, or the framework's config default where the row says so (8,192).
 *   <li>NeMo's Nemotron models: the squared ReLU runs as eager PyTorch kernels
 *       ({@link ActivationKernel#UNFUSED_SQUARED_RELU}).
 *   <li>Recomputation: as stated; where a row does not state it, the test reports the least recomputation under
 *       which the run fits (NONE, then SELECTIVE, then FULL), which is what such a recipe must have used.
 * </ul>
 *
 * <p>Rows that cannot be read are listed with the reason (an architecture the row does not give, an accelerator
 * the reference files do not describe) rather than guessed.
 */
final class ModernRuns {

  private ModernRuns() {}

  /** What the row measured, in the unit the row gives. */
  enum Measure {
    TOKENS_PER_SECOND_PER_GPU,
    STEP_SECONDS,
    MEGATRON_TFLOPS_PER_GPU
  }

  /** One run read into the project's types. */
  record Run(
      String id,
      String grade,
      Architecture architecture,
      Cluster cluster,
      TrainingPrecision precision,
      ParallelismPlan plan,
      Optional<ActivationRecomputation> statedRecomputation,
      Measure measure,
      double measured,
      List<String> readings,
      ActivationKernel activationKernel) {}

  /**
   * The published measurement as seconds per optimizer step of {@code plan}: tokens per second per GPU,
   * a step time, or Megatron-convention TFLOP/s per GPU ({@code modelFlopsPerStep} over the rate).
   */
  static double measuredStepSeconds(Run run, double megatronFlopsPerStep) {
    double gpus = run.plan().acceleratorCount();
    switch (run.measure()) {
      case TOKENS_PER_SECOND_PER_GPU:
        return run.plan().globalBatchTokens() / (run.measured() * gpus);
      case STEP_SECONDS:
        return run.measured();
      default:
        return megatronFlopsPerStep / (run.measured() * 1e12 * gpus);
    }
  }

  /** A row left out, with why. */
  record Skipped(String id, String grade, String reason) {}

  /** Every grade A/B row, read; {@code skipped} receives those that cannot be. */
  static List<Run> gradeAb(List<Skipped> skipped) {
    List<Run> runs = new ArrayList<>();
    for (Map<String, Object> row : ReferenceJson.readArray("training-runs-modern.json")) {
      String grade = (String) row.get("trust_grade");
      if (!"A".equals(grade) && !"B".equals(grade)) {
        continue;
      }
      String id = (String) row.get("id");
      try {
        Run run = read(row);
        runs.add(run);
        runs.addAll(asyncTensorParallelRun(run, row));
      } catch (Unreadable e) {
        skipped.add(new Skipped(id, grade, e.getMessage()));
      }
    }
    return runs;
  }

  static final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  @SuppressWarnings("unchecked")
  private static Run read(Map<String, Object> row) {
    String id = (String) row.get("id");
    String model = ((String) row.get("model")).toLowerCase(Locale.ROOT);
    List<String> readings = new ArrayList<>();
    Map<String, Object> a = (Map<String, Object>) row.get("architecture");
    Map<String, Object> p = (Map<String, Object>) row.get("parallel");
    Map<String, Object> b = (Map<String, Object>) row.get("batch");
    Map<String, Object> hw = (Map<String, Object>) row.get("hardware");
    Map<String, Object> measured = (Map<String, Object>) row.get("measured");
    Optional<Architecture> published = Optional.empty();
    if (a == null || !(a.get("layers") instanceof Number)) {
      published = publishedArchitecture(model);
      if (published.isEmpty()) {
        throw new Unreadable("the row gives no architecture");
      }
      readings.add("architecture from its published config (the row gives none): " + model);
    }
    int gpus = integer(row.get("gpus")).orElseThrow();
    Architecture architecture;
    Optional<Integer> experts;
    if (published.isPresent()) {
      architecture = published.get();
      experts =
          architecture.feedForward() instanceof MixtureOfExperts
              ? Optional.of(((MixtureOfExperts) architecture.feedForward()).numExperts())
              : Optional.empty();
    } else {
      architecture = readArchitecture(id, model, a, readings);
      experts = integer(a.get("experts"));
    }

    // Hardware.
    String gpu = ((String) hw.get("gpu")).toUpperCase(Locale.ROOT);
    Accelerator accelerator;
    int domain = 8;
    if (gpu.startsWith("H100") && gpu.contains("96GB")) {
      accelerator =
          hbm2eH100(fromReference("H100-SXM5-80GB", 96.0 * (1L << 30), "H100-SXM5-96GB (HBM2e 96 GB, per the row)"));
      readings.add("H100 HBM2e 96 GB (six 16 GiB stacks, read as 96 GiB) with the H100 SXM peaks, 2.4 TB/s HBM and"
          + " a 500 W limit (TorchTitan's benchmark page)");
    } else if (gpu.startsWith("H100") && gpu.contains("95GB")) {
      accelerator =
          hbm2eH100(fromReference("H100-SXM5-80GB", 95e9, "H100-SXM5-95GB (HBM2e 95 GB, per the row)"));
      readings.add("H100 HBM2e 95 GB 'lower-TDP': the HBM2e H100 of TorchTitan's later benchmark page, 2.4 TB/s HBM"
          + " and its default 500 W limit");
    } else if (gpu.startsWith("H100")) {
      accelerator = fromReference("H100-SXM5-80GB", -1, "H100-SXM5-80GB");
    } else if (gpu.startsWith("A100")) {
      accelerator = fromReference("A100-SXM4-80GB", -1, "A100-SXM4-80GB");
    } else if (gpu.startsWith("B200")) {
      accelerator = fromReference("B200-SXM (HGX B200, per GPU)", -1, "B200-SXM-180GB");
    } else if (gpu.startsWith("GB300")) {
      accelerator =
          fromReference("GB300 (per Blackwell Ultra GPU in NVL72)", -1, "GB300-NVL72");
      // The same 64-of-72 placement as GB200 NVL72 (below).
      domain = 64;
    } else if (gpu.startsWith("GB200")) {
      accelerator = fromReference("GB200 (per Blackwell GPU in NVL72)", -1, "GB200-NVL72");
      // A job places 64 of an NVL72 rack's 72 GPUs (16 of its 18 compute trays), so that power-of-two groups
      // stay inside one NVLink domain: this reading's assumption.
      domain = 64;
    } else {
      throw new Unreadable("accelerator not described in reference/accelerators.json: " + hw.get("gpu"));
    }
    // A board power limit the row states ("500W power limit"), against the module's TDP.
    java.util.regex.Matcher limit =
        java.util.regex.Pattern.compile("(\\d+)\\s*W power limit").matcher((String) hw.get("gpu"));
    if (limit.find()) {
      double watts = Double.parseDouble(limit.group(1));
      accelerator = ImmutableAccelerator.copyOf(accelerator).withPowerLimitWatts(watts);
      readings.add("power limit " + (int) watts + " W (the row), against the TDP of reference/accelerators.json");
    }
    Cluster cluster =
        Cluster.builder()
            .accelerator(accelerator)
            .acceleratorsPerNode(Math.min(domain, gpus))
            .nodeCount(Math.max(1, gpus / Math.min(domain, gpus)))
            // 400 Gb/s InfiniBand NDR (ConnectX-7) per GPU on DGX H100/B200 and GB200 NVL72 compute trays
            // (NVIDIA DGX H100 / DGX B200 / GB200 NVL72 user guides: eight 400 Gb/s OSFP ports per node).
            .scaleOutBandwidthBytesPerSecondPerAccelerator(400e9 / 8)
            .scaleOutLatencySeconds(5e-6)
            .build();

    // Plan.
    boolean fsdpFramework =
        p.containsKey("framework") && String.valueOf(p.get("framework")).contains("FSDP")
            || p.get("fsdp") instanceof Number && ((Number) p.get("fsdp")).intValue() > 0 && id.startsWith("tt")
            || p.containsKey("fsdp_degree");
    Object fsdpField = p.get("fsdp");
    boolean megatronFsdp =
        !fsdpFramework && fsdpField instanceof String && ((String) fsdpField).toUpperCase(Locale.ROOT)
            .matches("^(1|64|FSDP).*");
    int tp = integer(p.get("tp")).orElse(1);
    int pp = integer(p.get("pp")).orElse(1);
    int cp = integer(p.get("cp")).orElse(1);
    int vp = integer(p.get("vp")).orElse(1);
    int ep = integer(p.get("ep")).orElse(1);
    if (String.valueOf(p.get("pp_schedule")).startsWith("Interleaved") && vp == 1) {
      // TorchTitan's interleaved 1F1B with its default of two stages per rank.
      vp = 2;
      readings.add("interleaved 1F1B with 2 virtual stages (TorchTitan's default; the row does not say)");
    }
    if (experts.isEmpty()) {
      ep = 1;
    } else if (String.valueOf(p.get("ep")).startsWith("-") && p.get("fsdp_degree") instanceof Number) {
      // NeMo AutoModel prints '-' for EP on its MoE rows; the measured throughput is out of reach without expert
      // parallelism (gathering all experts per micro-batch alone would take longer than the step), so the reading
      // is the largest expert-parallel degree that divides the experts and the FSDP group. The benchmark configs
      // agree: distributed.ep_size 64 and 8 (NVIDIA-NeMo/Automodel@01926a5c443b7979463c73341bf64adf79de638e
      // examples/benchmark/configs/gptoss_120b_te_deepep.yaml and gptoss_20b_te_deepep.yaml).
      int fsdp = integer(p.get("fsdp_degree")).orElseThrow();
      ep = 1;
      for (int candidate = 1; candidate <= fsdp; candidate++) {
        if (fsdp % candidate == 0 && experts.get() % candidate == 0) {
          ep = candidate;
        }
      }
      readings.add("EP " + ep + " (printed '-'; largest degree dividing experts and FSDP)");
    }
    int dp = gpus / (tp * pp * cp);
    int seq =
        integer(b.get("seq_len"))
            .orElseGet(
                () -> {
                  readings.add("sequence 8192 (config default)");
                  return 8192;
                });
    int gbs;
    int mbs;
    if (b.get("gbs") instanceof Number && b.get("mbs") instanceof Number) {
      gbs = integer(b.get("gbs")).orElseThrow();
      mbs = integer(b.get("mbs")).orElseThrow();
    } else if (b.get("local_batch") instanceof Number) {
      int local = integer(b.get("local_batch")).orElseThrow();
      gbs = local * dp;
      mbs = pp > 1 ? 1 : local;
      Object versions = ((Map<String, Object>) row.get("source")).get("versions");
      if (pp > 1 && versions instanceof String && ((String) versions).contains("torchtitan 9dec370")) {
        // TorchTitan at 9dec370 (the December 2024 benchmark page's version) splits the local batch into as many
        // micro-batches as the pipeline degree unless told otherwise (torchtitan/config_manager.py
        // --experimental.pipeline_parallel_microbatches, default None: "The default value will be the number of
        // pipeline stages"; parallelisms/pipelining_utils.py build_pipeline_schedule: n_microbatches = pp degree),
        // for 1F1B and interleaved alike; the micro-batch-size option with its default of 1 came later.
        mbs = local / pp;
        readings.add("micro-batches = PP " + pp + " (TorchTitan 9dec370's default), " + mbs + " sequences each");
      }
      if (b.get("mbs") instanceof Number && pp == 1) {
        mbs = integer(b.get("mbs")).orElseThrow();
      }
    } else if (b.get("gbs") instanceof Number) {
      gbs = integer(b.get("gbs")).orElseThrow();
      mbs = integer(b.get("mbs")).orElse(1);
    } else if (b.get("tokens_per_step") instanceof Number) {
      gbs = (int) (((Number) b.get("tokens_per_step")).longValue() / seq);
      mbs = 1;
    } else {
      throw new Unreadable("the row gives no batch");
    }
    Optional<Map<String, Object>> asRun = recipePlanAsRun(id);
    if (asRun.isPresent()) {
      // The recipe at the row's own commit disagrees with the plan the table prints, and the row's entry in
      // reference/megatron-bridge-recipes.json says why the recipe is what ran (there, with its repo@commit path).
      Map<String, Object> r = asRun.get();
      tp = integer(r.get("tp")).orElse(tp);
      pp = integer(r.get("pp")).orElse(pp);
      vp = integer(r.get("vp")).orElse(vp);
      ep = integer(r.get("ep")).orElse(ep);
      gbs = integer(r.get("gbs")).orElse(gbs);
      mbs = integer(r.get("mbs")).orElse(mbs);
      dp = gpus / (tp * pp * cp);
      readings.add("plan from the recipe at the row's commit (reference/megatron-bridge-recipes.json): PP " + pp
          + " VP " + vp + " EP " + ep + ", global batch " + gbs + ", micro-batch " + mbs);
    }
    if (gbs % (mbs * dp) != 0) {
      throw new Unreadable("global batch " + gbs + " is not a multiple of micro-batch x DP " + mbs + " x " + dp);
    }
    ZeroStage zero = fsdpFramework || megatronFsdp ? ZeroStage.PARAMETERS : ZeroStage.OPTIMIZER_STATES;
    String precisionText = String.valueOf(row.get("precision")).toUpperCase(Locale.ROOT);
    // A row that states BF16 first runs in BF16, whatever variants its notes add ("BF16 (Float8 variants in
    // notes)": TorchTitan's August 2024 405B row, whose Float8 runs are other rows of the page).
    boolean fp8 =
        !precisionText.startsWith("BF16") && (precisionText.contains("FP8") || precisionText.contains("FLOAT8"));
    TrainingPrecision precision;
    if (fsdpFramework) {
      precision = fp8 ? TrainingPrecision.FSDP2_FP8_ADAM : TrainingPrecision.FSDP2_BF16_ADAM;
    } else {
      // NeMo / Megatron-Bridge performance recipes reduce gradients in bf16 (grad_reduce_in_fp32 False): 16 bytes.
      precision = fp8 ? TrainingPrecision.MEGATRON_FP8_ADAM : TrainingPrecision.MIXED_BF16_ADAM;
    }
    String recompute = String.valueOf(row.get("recompute")).toLowerCase(Locale.ROOT);
    if (row.get("recompute_from_config") instanceof Map) {
      // A row whose table does not state its recomputation, with the benchmark config it ran from (copied into
      // the row with its source): the config's activation checkpointing, all layers or none.
      recompute =
          String.valueOf(((Map<String, Object>) row.get("recompute_from_config")).get("value"))
              .toLowerCase(Locale.ROOT);
      readings.add("recomputation '" + recompute + "' from the benchmark config the row names");
    }
    Optional<ActivationRecomputation> stated;
    Set<RecomputedModule> modules = null;
    if (recompute.startsWith("full")) {
      stated = Optional.of(ActivationRecomputation.FULL);
    } else if (recompute.contains("selective")) {
      stated = Optional.of(ActivationRecomputation.SELECTIVE);
      if (fsdpFramework) {
        // TorchTitan's selective AC ("op" mode, torchtitan/models/llama3/infra/parallelize.py _save_list)
        // saves the outputs of matmuls and attention and recomputes the elementwise ops between them: the norms
        // and the activation function.
        modules = EnumSet.of(RecomputedModule.NORMS, RecomputedModule.MLP_ACTIVATION,
            RecomputedModule.CORE_ATTENTION);
        readings.add("TorchTitan op-level SAC read as recomputing norms and the MLP activation");
      }
    } else if (recompute.equals("none")) {
      stated = Optional.of(ActivationRecomputation.NONE);
    } else {
      stated = Optional.empty();
    }
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(tp)
            .pipelineParallel(pp)
            .virtualPipelineStages(pp > 1 ? vp : 1)
            .contextParallel(cp)
            .dataParallel(dp)
            .expertParallel(ep)
            // Megatron-Bridge's MoE recipes set expert_tensor_parallel_size 1 (experts are not tensor-split).
            .expertTensorParallel(experts.isPresent() ? 1 : tp)
            .sequenceParallel(tp > 1)
            .zeroStage(zero)
            .fusedAttention(true)
            .microBatchSize(mbs)
            .globalBatchSize(gbs)
            .sequenceLength(seq)
            .pipelineSchedule(PipelineSchedule.ONE_F_ONE_B)
            .recomputation(stated.orElse(ActivationRecomputation.NONE))
            .build();
    if (modules != null) {
      plan = ImmutableParallelismPlan.copyOf(plan).withRecomputedModules(modules);
    }
    if (experts.isPresent() && String.valueOf(row.get("notes")).contains("DeepEP")) {
      // The row's notes name its kernels ("Kernel optimizations: TE + DeepEP"): NeMo AutoModel's benchmark configs
      // set backend.enable_deepep: true (NVIDIA-NeMo/Automodel@01926a5c443b7979463c73341bf64adf79de638e
      // examples/benchmark/configs/{qwen3_moe_30b,gptoss_20b,gptoss_120b,deepseek_v3,kimi_k2}_te_deepep.yaml), whose
      // MoEFlexTokenDispatcher sends the tokens through DeepEP (nemo_automodel/components/moe/megatron/fused_a2a.py).
      plan = ImmutableParallelismPlan.copyOf(plan).withTokenDispatcher(TokenDispatcher.DEEP_EP);
      readings.add("DeepEP token dispatch (the row's notes; enable_deepep in its benchmark config)");
    }
    if (experts.isPresent() && String.valueOf(row.get("flop_convention_notes")).contains("fake balanced gate")) {
      // The row's flop_convention_notes: "'fake balanced gate' (ideal expert routing) for MoE", the benchmark
      // configs' fake_balanced_gate: true: FakeBalancedGate routes token t to experts kt .. kt + k - 1
      // (nemo_automodel/components/moe/layers.py at 01926a5). AutoModel's DeepEP dispatch makes the compute
      // stream wait for it (fused_a2a.py: after_event_overlap.current_stream_wait()); nothing but the shared
      // experts' side stream runs beside it.
      plan =
          ImmutableParallelismPlan.copyOf(plan)
              .withExpertRouting(ExpertRouting.CONTIGUOUS)
              .withExpertCommunicationOverlap(false);
      readings.add("contiguous expert routing (FakeBalancedGate) and dispatch not overlapped (AutoModel)");
    }
    if (tp > 1 && tensorParallelCommunication(p, fsdpFramework) == TensorParallelCommunication.FORWARD_EXPOSED) {
      plan =
          ImmutableParallelismPlan.copyOf(plan)
              .withTensorParallelCommunication(TensorParallelCommunication.FORWARD_EXPOSED);
      readings.add(p.get("async_tp") instanceof Boolean
          ? "forward TP communication exposed (the row: async_tp false)"
          : "forward TP communication exposed (TorchTitan's default: async TP off; the row does not say)");
    }

    Measure measure;
    double value;
    if (measured.get("tokens_per_s_per_gpu") instanceof Number) {
      measure = Measure.TOKENS_PER_SECOND_PER_GPU;
      value = ((Number) measured.get("tokens_per_s_per_gpu")).doubleValue();
    } else if (measured.get("step_time_s") instanceof Number) {
      measure = Measure.STEP_SECONDS;
      value = ((Number) measured.get("step_time_s")).doubleValue();
    } else if (measured.get("tflops_per_gpu") instanceof Number) {
      measure = Measure.MEGATRON_TFLOPS_PER_GPU;
      value = ((Number) measured.get("tflops_per_gpu")).doubleValue();
    } else if (measured.get("model_tflops_per_gpu_with_cp") instanceof Number
        && architecture.feedForward() instanceof DenseFeedForward) {
      // NeMo's long-sequence table prints only model TFLOP/s per GPU. Its convention is the row's (the
      // flop_convention_notes: nemo/utils/flops_formulas.py's Llama formula, per token
      // L h^2 (12 + 12 g/a + 18 f/h + 12 s/h + 6 V / (L h)), attention counted non-causal, recomputation not
      // counted), so dividing by that formula's FLOPs per token gives the tokens per second per GPU it measured.
      measure = Measure.TOKENS_PER_SECOND_PER_GPU;
      double h = architecture.hiddenSize();
      GroupedQueryAttention attention = (GroupedQueryAttention) architecture.attention();
      double flopsPerToken =
          architecture.numLayers() * h * h
              * (12 + 12.0 * attention.numKeyValueHeads() / attention.numAttentionHeads()
                  + 18.0 * ((DenseFeedForward) architecture.feedForward()).intermediateSize() / h
                  + 12.0 * seq / h + 6.0 * architecture.vocabSize() / (architecture.numLayers() * h));
      value = ((Number) measured.get("model_tflops_per_gpu_with_cp")).doubleValue() * 1e12 / flopsPerToken;
      readings.add(String.format(Locale.ROOT,
          "tokens/s per GPU %.0f from NeMo's model TFLOP/s with CP over its non-causal Llama formula", value));
    } else {
      throw new Unreadable("the row measures no tokens/s, step time or Megatron TFLOP/s (only " + measured.keySet()
          + ")");
    }
    // NeMo 2's Nemotron models run their squared ReLU as eager PyTorch kernels (NemotronConfig's activation_func,
    // nemo/collections/llm/fn/activation.py, not scripted; ActivationKernel.UNFUSED_SQUARED_RELU); the rows'
    // performance scripts (scripts/llm/performance/pretrain_nemotron4_*.py at r2.2.0, scripts/performance/llm/ at
    // r2.3.0) keep the model config's activation.
    ActivationKernel activationKernel = ActivationKernel.FUSED;
    if (id.startsWith("nemo") && model.contains("nemotron")) {
      activationKernel = ActivationKernel.UNFUSED_SQUARED_RELU;
      readings.add("squared ReLU as NeMo's eager relu + pow (ActivationKernel.UNFUSED_SQUARED_RELU)");
    }
    return new Run(id, (String) row.get("trust_grade"), architecture, cluster, precision, plan, stated, measure,
        value, readings, activationKernel);
  }

  /**
   * The plan a Megatron-Bridge recipe ran where it disagrees with the performance table's row
   * ({@code reference/megatron-bridge-recipes.json}, entries whose {@code chosen} is {@code recipe}); empty for
   * every other row.
   */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> recipePlanAsRun(String id) {
    for (Map<String, Object> entry :
        ReferenceJson.list(ReferenceJson.read("megatron-bridge-recipes.json"), "recipes")) {
      if (id.equals(entry.get("row")) && "recipe".equals(entry.get("chosen"))) {
        return Optional.of((Map<String, Object>) entry.get("plan_as_run"));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a row's tensor-parallel collectives run beside the GEMMs: as the row states it ({@code async_tp}, a
   * TorchTitan row's switch), else its framework's setting. TorchTitan and NeMo AutoModel (PyTorch FSDP2 + DTensor
   * TP) leave async TP off unless configured ({@code parallelism.enable_async_tensor_parallel = False},
   * pytorch/torchtitan@000204a4a8bf3d0f31adc44fc29855fbb6ea13d8 torchtitan/config/job_config.py); the NeMo and
   * Megatron-Bridge performance recipes switch {@code tp_comm_overlap} on
   * (NVIDIA/NeMo@0189a3b38dcfc89e916ca4396459433c8ba326d2 nemo/collections/llm/recipes/llama3_70b.py,
   * NVIDIA-NeMo/Megatron-Bridge@2a0d46e2c5540be8ff92977c3e55c7f10bce1d3e
   * scripts/performance/configs/llama/llama3_llm_pretrain.py), and the Megatron-LM README's scaling runs state
   * {@code --tp-comm-overlap} (the rows' {@code overlap} field).
   */
  static TensorParallelCommunication tensorParallelCommunication(Map<String, Object> parallel, boolean fsdpFramework) {
    Object stated = parallel.get("async_tp");
    if (stated instanceof Boolean) {
      return (Boolean) stated ? TensorParallelCommunication.OVERLAPPED : TensorParallelCommunication.FORWARD_EXPOSED;
    }
    if (String.valueOf(parallel.get("overlap")).contains("--tp-comm-overlap")) {
      return TensorParallelCommunication.OVERLAPPED;
    }
    return fsdpFramework ? TensorParallelCommunication.FORWARD_EXPOSED : TensorParallelCommunication.OVERLAPPED;
  }

  /**
   * The second run of a row that measured its plan with async TP as well ({@code
   * measured.tokens_per_s_per_gpu_async_tp}, TorchTitan's 2025 async-TP page): the same plan with overlapped TP
   * communication, as its own run {@code <id>+async-tp}.
   */
  @SuppressWarnings("unchecked")
  private static List<Run> asyncTensorParallelRun(Run run, Map<String, Object> row) {
    Object async = ((Map<String, Object>) row.get("measured")).get("tokens_per_s_per_gpu_async_tp");
    if (!(async instanceof Number) || run.plan().tensorParallel() == 1) {
      return List.of();
    }
    List<String> readings = new ArrayList<>(run.readings());
    readings.removeIf(reading -> reading.startsWith("forward TP communication exposed"));
    readings.add("async TP on (the row's tokens_per_s_per_gpu_async_tp): TP communication overlapped");
    ParallelismPlan plan =
        ImmutableParallelismPlan.copyOf(run.plan())
            .withTensorParallelCommunication(TensorParallelCommunication.OVERLAPPED);
    return List.of(new Run(run.id() + "+async-tp", run.grade(), run.architecture(), run.cluster(), run.precision(),
        plan, run.statedRecomputation(), Measure.TOKENS_PER_SECOND_PER_GPU, ((Number) async).doubleValue(),
        readings, run.activationKernel()));
  }

  /** The architecture a row states (layers, widths, heads, experts), with the family's norm and MLP. */
  private static Architecture readArchitecture(
      String id, String model, Map<String, Object> a, List<String> readings) {
    int layers = integer(a.get("layers")).orElseThrow();
    int hidden = integer(a.get("hidden")).orElseThrow();
    int heads = integer(a.get("heads")).orElseThrow();
    int kvHeads = integer(a.get("kv_heads")).orElse(heads);
    int headDim = integer(a.get("head_dim")).orElse(hidden / heads);
    int vocab =
        integer(a.get("vocab"))
            .or(() -> integer(a.get("vocab_in_nemo_flop_formula")))
            .orElseGet(
                () -> {
                  readings.add("vocab 32000 (NeMo's FLOP formula for the family)");
                  return 32000;
                });
    // GPT-3, Nemotron-4 and the Megatron-LM README's GPT models have a plain (ungated) MLP; Llama, Mixtral, Qwen
    // and gpt-oss a gated one.
    boolean gated = !(model.contains("gpt3") || model.contains("gpt-3") || model.contains("nemotron")
        || id.startsWith("mlm-"));
    var arch = Architecture.builder();
    arch
        .vocabSize(vocab)
        .hiddenSize(hidden)
        .numLayers(layers)
        .contextLength(1 << 20)
        .attention(
            GroupedQueryAttention.builder()
                .numAttentionHeads(heads)
                .numKeyValueHeads(kvHeads)
                .headDim(headDim)
                .build())
        .normKind(gated ? NormKind.RMS_NORM : NormKind.LAYER_NORM)
        .tiedEmbeddings(false);
    if (model.contains("gpt-oss") || model.contains("gpt oss")) {
      // gpt-oss alternates banded attention over 128 tokens with full attention, layer by layer (Megatron-Bridge
      // GPTOSSProvider at 00b7660: window_size (128, 0), window_attn_skip_freq 2; the row's "alternating
      // sliding-window attention ... not captured here").
      arch.slidingWindow(128).slidingWindowLayers(layers / 2);
      readings.add("sliding window 128 on every other layer (GPTOSSProvider)");
    }
    Optional<Integer> experts = integer(a.get("experts"));
    if (experts.isPresent()) {
      int expertWidth =
          integer(a.get("ffn_per_expert")).or(() -> integer(a.get("moe_ffn_per_expert"))).orElseThrow();
      arch.feedForward(
          MixtureOfExperts.builder()
              .numExperts(experts.get())
              .expertsPerToken(integer(a.get("top_k")).orElseThrow())
              .expertIntermediateSize(expertWidth)
              .build());
    } else {
      int ffn =
          integer(a.get("ffn"))
              .orElseGet(
                  () -> {
                    readings.add("ffn 4 x hidden (the row: 'presumably 4*hidden')");
                    return 4 * hidden;
                  });
      arch.feedForward(DenseFeedForward.of(ffn, gated));
    }
    return arch.build();
  }

  /**
   * The architectures of the rows that name a model without its dimensions, from the published configs:
   *
   * <ul>
   *   <li>Llama 4 Scout (the language model of Llama-4-Scout-17B-16E; its config.json, copied in
   *       {@code reference/hf-configs-2025/llama-4-scout-17b-16e-instruct.trimmed.json}, and NeMo's
   *       {@code Llama4Experts16Config} that the row points to): 48 layers, 5,120 wide, 40 heads, 8 KV heads of 128,
   *       16 routed experts of 8,192 with one per token plus one shared expert of 8,192 on every layer
   *       ({@code interleave_moe_layer_step 1}), vocabulary 202,048. Its chunked attention (chunks of 8,192 on
   *       three layers in four) is full causal attention at the row's 8,192-token sequences.
   *   <li>DeepSeek-V3 (arXiv:2412.19437 section 4.2 and its config.json): 61 layers, 7,168 wide, MLA with 128
   *       heads, query rank 1,536, key/value rank 512, 128 + 64 query-key and 128 value head dims; 256 routed
   *       experts of 2,048, 8 per token, one shared expert, the first 3 layers dense at 18,432; vocabulary
   *       129,280. The AutoModel benchmark trains without the multi-token-prediction module.
   *   <li>Kimi K2 (Kimi Team 2025, arXiv:2507.20534 section 2.3, and moonshotai/Kimi-K2-Instruct config.json):
   *       the DeepSeek-V3 layout with 64 attention heads, 384 routed experts of 2,048 (8 per token, one shared),
   *       one dense first layer of 18,432, vocabulary 163,840.
   * </ul>
   */
  static Optional<Architecture> publishedArchitecture(String model) {
    if (model.contains("llama4-scout") || model.contains("llama 4 scout")) {
      return Optional.of(
          Architecture.builder()
              .vocabSize(202048)
              .hiddenSize(5120)
              .numLayers(48)
              .contextLength(1 << 20)
              .attention(
                  GroupedQueryAttention.builder().numAttentionHeads(40).numKeyValueHeads(8).headDim(128).build())
              .feedForward(
                  MixtureOfExperts.builder()
                      .numExperts(16)
                      .expertsPerToken(1)
                      .expertIntermediateSize(8192)
                      .numSharedExperts(1)
                      .build())
              .normKind(NormKind.RMS_NORM)
              .tiedEmbeddings(false)
              .build());
    }
    boolean deepSeek = model.contains("deepseek v3") || model.contains("deepseek-v3");
    boolean kimi = model.contains("kimi k2") || model.contains("kimi-k2");
    if (deepSeek || kimi) {
      return Optional.of(deepSeek ? PublishedModels.deepSeekV3() : PublishedModels.kimiK2());
    }
    return Optional.empty();
  }

  /**
   * The HBM2e H100 SXM of Meta's Grand Teton hosts on which the TorchTitan team measured its tables
   * ({@code pytorch/torchtitan benchmarks/llama3_h100_202412_torchtitan.md}, "Hardware": "Each H100 GPU is
   * equipped with 96GB HBM2e with 2.4 TB/sec peak memory bandwidth", "We used the default 500W power limit"). The
   * August 2024 page ({@code docs/performance.md} at 3faaa1a, footnote 1) describes the same part as "HBM2e based
   * lower TDP SXM H100(95GB)" whose peak lies "between SXM and NVL": the same two figures are read for it.
   */
  private static Accelerator hbm2eH100(Accelerator sxm) {
    return ImmutableAccelerator.copyOf(sxm).withMemoryBandwidthBytesPerSecond(2.4e12).withPowerLimitWatts(500.0);
  }

  @SuppressWarnings("unchecked")
  private static Accelerator fromReference(String key, double memoryBytesOverride, String name) {
    Map<String, Object> entry = (Map<String, Object>) ReferenceJson.read("accelerators.json").get(key);
    Map<String, Object> tflops = (Map<String, Object>) entry.get("tflops");
    Map<String, Object> interconnect = (Map<String, Object>) entry.get("interconnect");
    double hbm = ((Number) entry.get("hbm_gb")).doubleValue();
    // Hopper and Blackwell HBM stacks come in binary sizes: the "80 GB" of an H100 SXM is 80 GiB (NVIDIA's
    // aiconfigurator h100_sxm.yaml: mem_capacity 85899345920), as is the A100's (a100_sxm.yaml: 80GiB).
    long memory = memoryBytesOverride > 0 ? (long) memoryBytesOverride : (long) (hbm * (1L << 30));
    var builder =
        Accelerator.builder()
            .name(name)
            .putDensePeakFlopsPerSecond(NumericFormat.BF16, ((Number) tflops.get("bf16")).doubleValue() * 1e12)
            .memoryBytes(memory)
            .memoryBandwidthBytesPerSecond(number(entry.get("hbm_TBps")) * 1e12)
            .scaleUpBandwidthBytesPerSecondPerDirection(((Number) interconnect.get("GBps_uni")).doubleValue() * 1e9)
            .thermalDesignPowerWatts(((Number) entry.get("tdp_w")).doubleValue())
            .source("reference/accelerators.json " + key);
    if (tflops.get("fp8") instanceof Number) {
      builder.putDensePeakFlopsPerSecond(NumericFormat.FP8, ((Number) tflops.get("fp8")).doubleValue() * 1e12);
    }
    return builder.build();
  }

  /** A number, or the first number of a map of conflicting figures (the catalog's choice comes first). */
  @SuppressWarnings("unchecked")
  private static double number(Object value) {
    if (value instanceof Map) {
      return ((Number) ((Map<String, Object>) value).values().iterator().next()).doubleValue();
    }
    return ((Number) value).doubleValue();
  }

  private static Optional<Integer> integer(Object value) {
    if (value instanceof Number) {
      return Optional.of(((Number) value).intValue());
    }
    if (value instanceof String) {
      String text = ((String) value).trim();
      int end = 0;
      while (end < text.length() && Character.isDigit(text.charAt(end))) {
        end++;
      }
      if (end > 0 && (end == text.length() || text.charAt(end) == ' ')) {
        return Optional.of(Integer.parseInt(text.substring(0, end)));
      }
    }
    return Optional.empty();
  }
}
