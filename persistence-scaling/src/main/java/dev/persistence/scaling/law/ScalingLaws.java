package dev.persistence.scaling.law;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of bundled scaling laws, looked up by name (for the command line and reports).
 *
 * <p>A law has two names: its registry name ({@code chinchilla}, {@code epoch}: what files, reports and the
 * command use, from {@link ScalingLaw#name()}) and the Java constant that holds it ({@link
 * ChinchillaLaw#HOFFMANN_2022}, {@link ChinchillaLaw#BESIROGLU_2024}: named for the paper). {@link #named} takes
 * either: the registry name, the constant qualified by its class ({@code ChinchillaLaw.HOFFMANN_2022}), or the
 * constant alone where only one class has it ({@code MUENNIGHOFF_2023} is both a Chinchilla-form and a
 * data-constrained law, so it needs its class). {@link #javaConstant} goes the other way.
 */
public final class ScalingLaws {
  private static final Map<String, ScalingLaw> LAWS = new LinkedHashMap<>();

  /** The classes whose public constants are bundled laws. */
  private static final List<Class<?>> LAW_CLASSES =
      List.of(
          ChinchillaLaw.class,
          DataConstrainedLaw.class,
          KaplanLaw.class,
          DeepSeekLaw.class,
          PowerLawAllocation.class,
          FineGrainedMoeLaw.class,
          RoutedMoeLaw.class,
          PrecisionScalingLaw.class);

  /** Lower-case {@code Class.CONSTANT}, and {@code CONSTANT} where unambiguous, to the law. */
  private static final Map<String, ScalingLaw> CONSTANTS = new LinkedHashMap<>();

  /** Each registered law to its {@code Class.CONSTANT}. */
  private static final Map<ScalingLaw, String> CONSTANT_NAMES = new HashMap<>();

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
    // The constants are read from the classes themselves, so the two names cannot drift apart.
    Map<String, Integer> bareCounts = new HashMap<>();
    Map<String, ScalingLaw> bare = new HashMap<>();
    for (Class<?> type : LAW_CLASSES) {
      for (Field field : type.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && ScalingLaw.class.isAssignableFrom(field.getType())) {
          ScalingLaw law = constant(field);
          if (LAWS.get(law.name()) == law) {
            String qualified = type.getSimpleName() + "." + field.getName();
            CONSTANTS.put(qualified.toLowerCase(Locale.ROOT), law);
            CONSTANT_NAMES.putIfAbsent(law, qualified);
            String key = field.getName().toLowerCase(Locale.ROOT);
            bareCounts.merge(key, 1, Integer::sum);
            bare.put(key, law);
          }
        }
      }
    }
    bare.forEach(
        (key, law) -> {
          if (bareCounts.get(key) == 1 && !LAWS.containsKey(key)) {
            CONSTANTS.put(key, law);
          }
        });
  }

  private static ScalingLaw constant(Field field) {
    try {
      return (ScalingLaw) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("law constant " + field + " is not readable", e);
    }
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
   * The law registered as {@code name}, or held by the Java constant {@code name} (case-insensitive):
   * {@code "chinchilla"}, {@code "ChinchillaLaw.HOFFMANN_2022"} and {@code "HOFFMANN_2022"} are the same law.
   *
   * @throws IllegalArgumentException naming the unknown name and listing the known ones
   */
  public static ScalingLaw named(String name) {
    String key = name == null ? null : name.toLowerCase(Locale.ROOT);
    ScalingLaw law = key == null ? null : LAWS.getOrDefault(key, CONSTANTS.get(key));
    if (law == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "law (%s) is not one of %s (or a Java constant such as ChinchillaLaw.HOFFMANN_2022)",
              name,
              String.join(", ", LAWS.keySet())));
    }
    return law;
  }

  /**
   * The Java constant that holds a bundled law, qualified by its class ({@code ChinchillaLaw.HOFFMANN_2022} for
   * {@code chinchilla}); empty for a law equal to none of them (a fit, an override).
   *
   * @param law a law
   * @return the constant's name, if the law is one of {@link #all()}
   */
  public static Optional<String> javaConstant(ScalingLaw law) {
    return Optional.ofNullable(CONSTANT_NAMES.get(law));
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
