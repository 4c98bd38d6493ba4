package dev.persistence.costing.sweep;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.core.architecture.DenseFeedForward;
import dev.persistence.core.architecture.GroupedQueryAttention;
import dev.persistence.core.architecture.NormKind;
import dev.persistence.core.hardware.Accelerator;
import dev.persistence.core.hardware.Cluster;
import dev.persistence.core.parallelism.ParallelismPlan;
import dev.persistence.core.precision.NumericFormat;
import dev.persistence.costing.energy.GridIntensity;
import dev.persistence.costing.money.CloudPrice;
import dev.persistence.costing.money.PricingTerm;
import dev.persistence.costing.plan.PlanReport;
import dev.persistence.costing.plan.Planner;
import dev.persistence.costing.plan.Scenario;
import dev.persistence.costing.training.Goodput;
import dev.persistence.core.data.CurationPipeline;
import dev.persistence.core.data.DataMixture;
import dev.persistence.costing.plan.PlannedPhase;
import dev.persistence.costing.posttraining.BenchmarkSuite;
import dev.persistence.costing.posttraining.EvaluationRun;
import dev.persistence.costing.program.PhaseKind;
import dev.persistence.testkit.data.DataGen;
import java.util.SplittableRandom;
import dev.persistence.core.architecture.ParameterAccounting;
import dev.persistence.core.architecture.ParameterBreakdown;
import dev.persistence.core.data.MixtureAllocation;
import dev.persistence.core.memory.MemoryAllowance;
import dev.persistence.core.memory.TrainingMemory;
import dev.persistence.core.memory.TrainingMemoryBreakdown;
import dev.persistence.core.precision.TrainingPrecision;
import dev.persistence.costing.plan.Target;
import dev.persistence.costing.plan.TargetMetric;
import dev.persistence.costing.uncertainty.Histogram;
import java.util.OptionalDouble;
import java.util.EnumMap;
import dev.persistence.costing.money.CostBreakdown;
import dev.persistence.costing.money.CostComponent;
import dev.persistence.costing.uncertainty.Constant;
import dev.persistence.costing.uncertainty.CostInput;
import dev.persistence.costing.uncertainty.Distribution;
import dev.persistence.costing.uncertainty.LogUniform;
import dev.persistence.costing.uncertainty.Normal;
import dev.persistence.costing.uncertainty.Scenarios;
import dev.persistence.costing.uncertainty.TrainingAssumptions;
import dev.persistence.costing.uncertainty.Triangular;
import dev.persistence.costing.uncertainty.Uniform;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One valid instance of each composite type the sweep needs as an argument: a few written out from published
 * figures (below), every other one derived from the type's own API: a public constant of the type, its builder
 * with each required attribute filled from a sample, or a constructor or factory called with plain values and
 * samples. A type none of these reaches has no sample, and the calls that need it are left out (and counted).
 */
final class Samples {

  /** Plain values tried in turn when a derivation needs a number: the first set that builds wins. */
  private static final double[] DOUBLES = {1, 0.5, 1000, 0.01, 1e9, 0};
  private static final long[] LONGS = {1, 8, 1000, 1_000_000_000L, 0};
  private static final int[] INTS = {1, 8, 2, 64, 0};

  private final List<Class<?>> classes;
  private final Map<Class<?>, Object> known = new HashMap<>();
  private final Set<Class<?>> missing = new HashSet<>();
  private final Set<Class<?>> inProgress = new HashSet<>();

  Samples(List<Class<?>> classes) {
    this.classes = classes;
    Accelerator h100 = h100();
    Architecture llama = llama2_7b();
    Cluster cluster =
        Cluster.builder()
            .accelerator(h100)
            .acceleratorsPerNode(8)
            .nodeCount(4)
            .scaleOutBandwidthBytesPerSecondPerAccelerator(50e9)
            .scaleOutLatencySeconds(5e-6)
            .build();
    ParallelismPlan plan =
        ParallelismPlan.builder()
            .tensorParallel(8)
            .pipelineParallel(1)
            .dataParallel(4)
            .microBatchSize(1)
            .globalBatchSize(512)
            .sequenceLength(4096)
            .build();
    known.put(Accelerator.class, h100);
    known.put(Architecture.class, llama);
    known.put(Cluster.class, cluster);
    known.put(ParallelismPlan.class, plan);
    known.put(
        Scenario.class,
        Scenario.builder()
            .name("Llama 2 7B")
            .architecture(llama)
            .cluster(cluster)
            .trainingTokens(2e12)
            .sequenceLength(4096)
            .globalBatchSize(512)
            .modelFlopsUtilization(0.4)
            .goodput(Goodput.NONE)
            .price(CloudPrice.of("H100-SXM5-80GB", 2.0, PricingTerm.ASSUMED_RENTAL, LocalDate.of(2025, 1, 1), "test"))
            .locationGrid(GridIntensity.FRANCE_BLOOM)
            .samples(100)
            .build());
    known.put(PlanReport.class, Planner.plan((Scenario) known.get(Scenario.class)));
    known.put(LocalDate.class, LocalDate.of(2025, 1, 1));
    // MMLU: 14,042 test items (Hendrycks et al. 2021, arXiv:2009.03300); prompt and output lengths illustrative.
    known.put(
        EvaluationRun.class,
        EvaluationRun.builder().addSuite(new BenchmarkSuite("mmlu", 14_042, 600, 1, 1)).build());
    known.put(
        PlannedPhase.class,
        PlannedPhase.builder()
            .name("fine-tuning")
            .kind(PhaseKind.SUPERVISED_FINE_TUNING)
            .startMonth(0)
            .durationMonths(3)
            .computeCostUsd(1e6)
            .build());
    SplittableRandom random = new SplittableRandom(20261125L);
    known.put(CurationPipeline.class, DataGen.pipelines().generate(random).value());
    DataMixture mixture = DataGen.mixtures().generate(random).value();
    known.put(DataMixture.class, mixture);
    known.put(MixtureAllocation.class, mixture.allocate(1e12));
    known.put(TrainingAssumptions.class, llama3Assumptions());
    known.put(CostBreakdown.class, new CostBreakdown(Map.of(CostComponent.values()[0], 1e6)));
    known.put(Target.class, new Target(TargetMetric.PARAMETERS, OptionalDouble.of(1e9), OptionalDouble.empty()));
    known.put(Histogram.class, Histogram.of(new double[] {1, 2, 3, 5, 8}, 2));
    known.put(ParameterBreakdown.class, ParameterAccounting.count(llama));
    known.put(
        TrainingMemoryBreakdown.class,
        TrainingMemory.estimate(llama, plan, TrainingPrecision.MIXED_BF16_ADAM, 80_000_000_000L, MemoryAllowance.NONE));
  }

  /** The H100 SXM: dense BF16 peak 989 TFLOP/s, 80 GB at 3.35 TB/s, 700 W, NVLink 450 GB/s a direction (NVIDIA H100 datasheet; reference/accelerators.json). */
  static Accelerator h100() {
    return Accelerator.builder()
        .name("H100-SXM5-80GB")
        .putDensePeakFlopsPerSecond(NumericFormat.BF16, 989e12)
        .memoryBytes(80_000_000_000L)
        .memoryBandwidthBytesPerSecond(3.35e12)
        .thermalDesignPowerWatts(700)
        .scaleUpBandwidthBytesPerSecondPerDirection(450e9)
        .source("NVIDIA H100 datasheet")
        .build();
  }

  /** Llama 2 7B: 32 layers of hidden 4096, 32 heads of 128, feed-forward 11008, vocabulary 32000, context 4096 (Touvron et al. 2023, arXiv:2307.09288, Table 1 and the released config). */
  static Architecture llama2_7b() {
    return Architecture.builder()
        .vocabSize(32000)
        .hiddenSize(4096)
        .numLayers(32)
        .contextLength(4096)
        .attention(GroupedQueryAttention.builder().numAttentionHeads(32).numKeyValueHeads(32).headDim(128).build())
        .feedForward(DenseFeedForward.of(11008, true))
        .normKind(NormKind.RMS_NORM)
        .tiedEmbeddings(false)
        .build();
  }

  /**
   * Llama 3 405B's uncertainty: 405B parameters, 15.6T tokens, 16,384 H100s at 989 TFLOP/s and 700 W, MFU 38% to 43%
   * and goodput above 90% (Dubey et al. 2024, arXiv:2407.21783, sections 3.3 and 3.3.4); prices, power and grid
   * ranges illustrative, as in MonteCarloTest.
   */
  static TrainingAssumptions llama3Assumptions() {
    Map<CostInput, Distribution> map = new EnumMap<>(CostInput.class);
    map.put(CostInput.PARAMETERS, new Constant(405e9));
    map.put(CostInput.TOKENS, new Constant(15.6e12));
    map.put(CostInput.FLOPS_PER_PARAMETER_PER_TOKEN, new Constant(6));
    map.put(CostInput.ACCELERATOR_COUNT, new Constant(16_384));
    map.put(CostInput.PEAK_FLOPS_PER_SECOND, new Constant(989e12));
    map.put(CostInput.MODEL_FLOPS_UTILIZATION, new Triangular(0.38, 0.40, 0.43));
    map.put(CostInput.GOODPUT, new Uniform(0.85, 0.95));
    map.put(CostInput.USD_PER_ACCELERATOR_HOUR, new LogUniform(1.5, 4.0));
    map.put(CostInput.ACCELERATOR_TDP_WATTS, new Constant(700));
    map.put(CostInput.TDP_FRACTION, new Uniform(0.7, 1.0));
    map.put(CostInput.SERVER_TO_CHIP_POWER_RATIO, new Constant(1.82));
    map.put(CostInput.POWER_USAGE_EFFECTIVENESS, Scenarios.equallyLikely(1.1, 1.2, 1.4));
    map.put(CostInput.GRID_KG_CO2E_PER_KWH, new Normal(0.4, 0.05, 0, 1));
    return new TrainingAssumptions(map);
  }

  /** The types asked for that have no sample. */
  Set<Class<?>> missing() {
    return missing;
  }

  /** A valid instance of {@code type}, or empty. */
  Optional<Object> of(Class<?> type) {
    if (known.containsKey(type)) {
      return Optional.of(known.get(type));
    }
    if (missing.contains(type) || inProgress.contains(type)) {
      return Optional.empty();
    }
    inProgress.add(type);
    try {
      Object found = derive(type);
      if (found == null) {
        missing.add(type);
        return Optional.empty();
      }
      known.put(type, found);
      return Optional.of(found);
    } finally {
      inProgress.remove(type);
    }
  }

  private Object derive(Class<?> type) {
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants.length == 0 ? null : constants[0];
    }
    if (type.isPrimitive() || type == String.class || type.isArray() || type.getName().startsWith("java.")) {
      return null;
    }
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && type.isAssignableFrom(field.getType())) {
        try {
          Object value = field.get(null);
          if (value != null) {
            return value;
          }
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
          // Not readable: try the next way.
        }
      }
    }
    Object built = fromBuilder(type);
    if (built != null) {
      return built;
    }
    List<Executable> makers = new ArrayList<>();
    if (!Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
      makers.addAll(List.of(type.getConstructors()));
    }
    for (Method method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType())
          && !ExtremeValueSweepTest.HEAVY.contains(method.getName())) {
        makers.add(method);
      }
    }
    makers.sort(Comparator.comparingInt(Executable::getParameterCount).thenComparing(Executable::toGenericString));
    for (Executable maker : makers) {
      Object made = call(maker);
      if (made != null) {
        return made;
      }
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      for (Class<?> candidate : classes) {
        if (candidate != type && type.isAssignableFrom(candidate)) {
          Optional<Object> sample = of(candidate);
          if (sample.isPresent()) {
            return sample.get();
          }
        }
      }
    }
    return null;
  }

  /** Calls {@code maker} with samples for its composite parameters and each set of plain values in turn. */
  private Object call(Executable maker) {
    Class<?>[] types = maker.getParameterTypes();
    Object[] composite = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (!plain(types[i])) {
        Optional<Object> sample = of(types[i]);
        if (sample.isEmpty()) {
          return null;
        }
        composite[i] = sample.get();
      }
    }
    for (int scheme = 0; scheme < DOUBLES.length; scheme++) {
      Object[] arguments = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        arguments[i] = plain(types[i]) ? plainValue(types[i], scheme) : composite[i];
      }
      try {
        Object made =
            maker instanceof Constructor
                ? ((Constructor<?>) maker).newInstance(arguments)
                : ((Method) maker).invoke(null, arguments);
        if (made != null) {
          return made;
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // Not with these values: try the next set.
      }
    }
    return null;
  }

  /** An Immutables type built with every required attribute set from a sample, or null. */
  private Object fromBuilder(Class<?> type) {
    Method builderMethod = builderOf(type);
    if (builderMethod == null) {
      return null;
    }
    for (int scheme = 0; scheme < DOUBLES.length; scheme++) {
      try {
        Object builder = builderMethod.invoke(null);
        for (Method accessor : type.getMethods()) {
          if (!Modifier.isAbstract(accessor.getModifiers()) || accessor.getParameterCount() != 0) {
            continue;
          }
          Class<?> attribute = accessor.getReturnType();
          if (attribute.getName().startsWith("java.util.") || attribute == void.class) {
            continue; // Optionals and collections may be empty.
          }
          Object value = plain(attribute) ? plainValue(attribute, scheme) : of(attribute).orElse(null);
          if (value == null) {
            continue;
          }
          Method setter = setter(builder.getClass(), accessor.getName(), attribute);
          if (setter != null) {
            setter.invoke(builder, value);
          }
        }
        Object built = builder.getClass().getMethod("build").invoke(builder);
        if (built != null) {
          return built;
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // Not with these values: try the next set.
      }
    }
    return null;
  }

  /** The static {@code builder()} of an Immutables type ({@code Type.builder()} or {@code ImmutableType.builder()}). */
  static Method builderOf(Class<?> type) {
    for (Class<?> owner : owners(type)) {
      try {
        Method method = owner.getMethod("builder");
        if (Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(owner.getModifiers())) {
          return method;
        }
      } catch (NoSuchMethodException | LinkageError e) {
        // Not this one.
      }
    }
    return null;
  }

  private static List<Class<?>> owners(Class<?> type) {
    List<Class<?>> owners = new ArrayList<>();
    owners.add(type);
    try {
      owners.add(
          Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName(), false, type.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      // No generated class.
    }
    return owners;
  }

  static Method setter(Class<?> builder, String name, Class<?> attribute) {
    try {
      return builder.getMethod(name, attribute);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  static boolean plain(Class<?> type) {
    return type == int.class || type == long.class || type == double.class || type == boolean.class
        || type == String.class || type.isEnum();
  }

  private static Object plainValue(Class<?> type, int scheme) {
    if (type == double.class) {
      return DOUBLES[scheme % DOUBLES.length];
    }
    if (type == long.class) {
      return LONGS[scheme % LONGS.length];
    }
    if (type == int.class) {
      return INTS[scheme % INTS.length];
    }
    if (type == boolean.class) {
      return scheme % 2 == 1;
    }
    if (type == String.class) {
      return "name";
    }
    return type.getEnumConstants()[0];
  }

  /** Whether every parameter of {@code executable} is plain or has a sample. */
  boolean reachable(Executable executable) {
    return Stream.of(executable.getParameterTypes()).allMatch(type -> plain(type) || of(type).isPresent());
  }
}
