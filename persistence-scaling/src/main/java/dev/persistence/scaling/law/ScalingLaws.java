package dev.persistence.scaling.law;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The registry of bundled scaling laws, looked up by name (for the command line and reports). */
public final class ScalingLaws {
  private static final Map<String, ScalingLaw> LAWS = new LinkedHashMap<>();

  static {
    register(ChinchillaLaw.HOFFMANN_2022);
    register(ChinchillaLaw.HOFFMANN_2022_UNROUNDED);
    register(ChinchillaLaw.BESIROGLU_2024);
    register(ChinchillaLaw.MUENNIGHOFF_2023);
    register(DataConstrainedLaw.MUENNIGHOFF_2023);
    register(KaplanLaw.TABLE_2);
    register(KaplanLaw.TABLE_5);
    register(DeepSeekLaw.DEEPSEEK_LLM_2024);
    register(PowerLawAllocation.LLAMA_3_TOKENS);
    register(FineGrainedMoeLaw.KRAJEWSKI_2024_MOE);
    register(FineGrainedMoeLaw.KRAJEWSKI_2024_DENSE);
    register(RoutedMoeLaw.CLARK_2022_S_BASE);
    register(RoutedMoeLaw.CLARK_2022_RL_R);
    register(RoutedMoeLaw.CLARK_2022_HASH);
    register(PrecisionScalingLaw.KUMAR_2024);
  }

  private ScalingLaws() {}

  private static void register(ScalingLaw law) {
    if (LAWS.put(law.name(), law) != null) {
      throw new IllegalStateException("duplicate law name " + law.name());
    }
  }

  /** Every bundled law, in registry order. */
  public static List<ScalingLaw> all() {
    return Collections.unmodifiableList(new ArrayList<>(LAWS.values()));
  }

  /**
   * The law registered as {@code name} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the unknown name and listing the known ones
   */
  public static ScalingLaw named(String name) {
    ScalingLaw law = name == null ? null : LAWS.get(name.toLowerCase(Locale.ROOT));
    if (law == null) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "law (%s) is not one of %s", name, String.join(", ", LAWS.keySet())));
    }
    return law;
  }

  /**
   * The law {@code name} if it predicts loss from (N, D).
   *
   * @throws IllegalArgumentException if the name is unknown or the law does not predict loss from (N, D)
   */
  public static LossLaw lossLaw(String name) {
    ScalingLaw law = named(name);
    if (!(law instanceof LossLaw)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "law (%s) does not predict loss from parameters and tokens; use one of %s",
              name, String.join(", ", names(LossLaw.class))));
    }
    return (LossLaw) law;
  }

  /**
   * The Chinchilla-form law behind {@code name}: the law itself, or the base of a data-constrained law.
   *
   * @throws IllegalArgumentException if the name is unknown or the law has no Chinchilla form
   */
  public static ChinchillaLaw chinchillaForm(String name) {
    ScalingLaw law = named(name);
    if (law instanceof ChinchillaLaw) {
      return (ChinchillaLaw) law;
    }
    if (law instanceof DataConstrainedLaw) {
      return ((DataConstrainedLaw) law).base();
    }
    List<String> forms = new ArrayList<>(names(ChinchillaLaw.class));
    forms.addAll(names(DataConstrainedLaw.class));
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "law (%s) is not of the form E + A/N^alpha + B/D^beta; use one of %s",
            name, String.join(", ", forms)));
  }

  private static List<String> names(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (ScalingLaw law : LAWS.values()) {
      if (type.isInstance(law)) {
        names.add(law.name());
      }
    }
    return names;
  }
}
