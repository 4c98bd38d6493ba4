package dev.persistence.costing.sweep;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.persistence.core.architecture.Architecture;
import dev.persistence.costing.uncertainty.MonteCarlo;
import dev.persistence.scaling.law.ChinchillaLaw;
import dev.persistence.testkit.Gen;
import dev.persistence.testkit.Property;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.lang.reflect.Parameter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generative sweep: extreme values (0, -0.0, subnormals, 1e308, MAX_VALUE, NaN, infinities, 2^31, 2^63) thrown
 * at every public constructor and static factory of persistence-core, persistence-scaling and persistence-costing
 * whose parameters are numbers, booleans, strings or enums, found by reflection over the compiled classes. Each
 * call must either throw an {@link IllegalArgumentException} whose message names a field, or return a value whose
 * public numeric accessors are finite (no NaN, no Infinity unless an infinity was passed in or the accessor is a
 * support bound).
 */
class ExtremeValueSweepTest {

  private static final double[] DOUBLES = {
    1, 0, -0.0, Double.MIN_VALUE, 1e-320, Double.MIN_NORMAL, -1, 0.5, 1e308, Double.MAX_VALUE, Double.NaN,
    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0x1p31, 0x1p63
  };
  private static final long[] LONGS = {1, 0, -1, 1L << 31, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 62, 3};
  private static final int[] INTS = {1, 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 30, 2, 3};

  /**
   * Calls left out because they iterate or allocate in proportion to an argument by design (a Monte Carlo or a
   * fit of a given size); their arguments are bounded and tested where they are defined.
   */
  static final Set<String> HEAVY = Set.of("run", "summarize", "bootstrap", "fit", "search", "main");

  /** The validation helpers themselves: their messages name whatever field their caller passes in. */
  private static final Set<String> VALIDATORS =
      Set.of(
          "dev.persistence.core.exact.Amounts",
          "dev.persistence.core.exact.ExactCounts",
          "dev.persistence.core.check.Checks");

  /** An identifier in a message: a parameter or attribute name is one of these, whole. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** How long one call may take before it counts as a hang. */
  static final int TIMEOUT_SECONDS = 10;

  private static ExecutorService EXECUTOR = newExecutor();

  /**
   * Random combinations of extremes: {@code persistence.sweep.cases}, 3,000 in CI and 30,000 with
   * {@code -Pnightly} (parent POM).
   */
  static final int COMBINATIONS = Integer.getInteger("persistence.sweep.cases", 3000);

  static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
    List<Class<?>> classes = new ArrayList<>();
    for (Class<?> anchor : List.of(Architecture.class, ChinchillaLaw.class, MonteCarlo.class)) {
      Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      List<String> names;
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          names =
              files
                  .map(file -> root.relativize(file).toString().replace('\\', '/'))
                  .filter(name -> name.endsWith(".class") && !name.contains("$"))
                  .collect(Collectors.toList());
        }
      } else {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
          names =
              jar.stream()
                  .map(java.util.jar.JarEntry::getName)
                  .filter(name -> name.endsWith(".class") && !name.contains("$"))
                  .collect(Collectors.toList());
        }
      }
      for (String name : names) {
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        if (className.endsWith("package-info")) {
          continue;
        }
        try {
          Class<?> type = Class.forName(className, false, anchor.getClassLoader());
          if (Modifier.isPublic(type.getModifiers())) {
            classes.add(type);
          }
        } catch (ClassNotFoundException | LinkageError e) {
          // Not loadable on its own: nothing to sweep.
        }
      }
    }
    classes.sort(Comparator.comparing(Class::getName));
    return classes;
  }

  private static boolean simple(Class<?> type) {
    return type == int.class || type == long.class || type == double.class || type == boolean.class
        || type == String.class || type.isEnum();
  }

  /** Public constructors and static methods whose parameters are all simple, in a stable order. */
  private static List<Executable> executables() throws IOException, URISyntaxException {
    List<Executable> found = new ArrayList<>();
    for (Class<?> type : publicClasses()) {
      if (VALIDATORS.contains(type.getName())) {
        continue;
      }
      if (!Modifier.isAbstract(type.getModifiers()) && !type.isEnum() && !type.isInterface()) {
        for (Constructor<?> constructor : type.getConstructors()) {
          if (constructor.getParameterCount() > 0
              && Stream.of(constructor.getParameterTypes()).allMatch(ExtremeValueSweepTest::simple)) {
            found.add(constructor);
          }
        }
      }
      for (Method method : type.getMethods()) {
        if (Modifier.isStatic(method.getModifiers())
            && method.getDeclaringClass() == type
            && method.getParameterCount() > 0
            && method.getReturnType() != void.class
            && !HEAVY.contains(method.getName())
            && !(type.isEnum() && method.getName().equals("valueOf"))
            && Stream.of(method.getParameterTypes()).allMatch(ExtremeValueSweepTest::simple)) {
          found.add(method);
        }
      }
    }
    found.sort(Comparator.comparing(Executable::toGenericString));
    return found;
  }

  /** The {@code choice}-th extreme value of a parameter type (0 is a plain baseline). */
  private static Object value(Class<?> type, int choice) {
    if (type == double.class) {
      return DOUBLES[Math.floorMod(choice, DOUBLES.length)];
    }
    if (type == long.class) {
      return LONGS[Math.floorMod(choice, LONGS.length)];
    }
    if (type == int.class) {
      return INTS[Math.floorMod(choice, INTS.length)];
    }
    if (type == boolean.class) {
      return choice % 2 == 1;
    }
    if (type == String.class) {
      String[] strings = {"name", "", " ", "\0", "a".repeat(10_000)};
      return strings[Math.floorMod(choice, strings.length)];
    }
    Object[] constants = type.getEnumConstants();
    return constants[Math.floorMod(choice, constants.length)];
  }

  private static int choices(Class<?> type) {
    if (type == double.class) {
      return DOUBLES.length;
    }
    if (type == long.class) {
      return LONGS.length;
    }
    if (type == int.class) {
      return INTS.length;
    }
    if (type == boolean.class) {
      return 2;
    }
    if (type == String.class) {
      return 5;
    }
    return type.getEnumConstants().length;
  }

  /**
   * One call's outcome: null when acceptable, else what is wrong. {@code names} are the parameter or attribute
   * names an {@link IllegalArgumentException} may blame (the one varied first); {@code suppliedInfinity} whether an
   * infinity was passed in on purpose (an open bound), so that it may come back.
   */
  static String check(Callable<Object> call, List<String> names, boolean suppliedInfinity) {
    Object result;
    try {
      result = timed(call);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        String message = cause.getMessage();
        return namesOneOf(message, names)
            ? null
            : "an IllegalArgumentException that does not name "
                + String.join(" or ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " (or another attribute)" : "")
                + ": "
                + message;
      }
      return "threw " + cause;
    } catch (TimeoutException e) {
      return "took more than " + TIMEOUT_SECONDS + " s";
    } catch (ReflectiveOperationException e) {
      return "could not be called: " + e;
    }
    return sane(result, suppliedInfinity);
  }

  /** Null when {@code result} and its public numeric accessors are finite and counts not negative. */
  static String sane(Object result, boolean suppliedInfinity) {
    if (result instanceof Double) {
      return finite((Double) result, suppliedInfinity) ? null : "returned " + result;
    }
    if ((result instanceof Long || result instanceof Integer) && ((Number) result).longValue() < 0) {
      return "returned " + result;
    }
    if (result == null || result instanceof Number || result instanceof String || result instanceof Boolean) {
      return null;
    }
    for (Method accessor : result.getClass().getMethods()) {
      if (accessor.getParameterCount() != 0
          || Modifier.isStatic(accessor.getModifiers())
          || accessor.getReturnType() != double.class
          || accessor.getName().endsWith("Support")
          || accessor.getName().equals("upper")
          || accessor.getName().equals("lower")
          || !Modifier.isPublic(accessor.getDeclaringClass().getModifiers())) {
        continue;
      }
      try {
        double value = (double) timed(() -> accessor.invoke(result));
        if (!finite(value, suppliedInfinity)) {
          return "gave " + accessor.getName() + "() = " + value;
        }
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof IllegalArgumentException)) {
          return "its " + accessor.getName() + "() threw " + e.getCause();
        }
      } catch (TimeoutException e) {
        return "its " + accessor.getName() + "() took more than " + TIMEOUT_SECONDS + " s";
      } catch (ReflectiveOperationException e) {
        // Not callable from here: nothing to check.
      }
    }
    return null;
  }

  /**
   * Whether {@code message} names one of {@code names}: the name as a whole identifier (a word of letters, digits
   * and underscores; a dotted path such as {@code uncertainty.assumptions.goodput} names each of its parts).
   */
  static boolean namesOneOf(String message, List<String> names) {
    if (message == null) {
      return false;
    }
    for (String name : names) {
      if (name.startsWith(LOOKUP)) {
        String type = name.substring(LOOKUP.length());
        if (message.startsWith(type + " (") && (message.contains(" one of ") || message.contains(" one of:"))) {
          return true;
        }
      } else if (name.startsWith(ORIGIN) && message.startsWith(name.substring(ORIGIN.length()) + ":")) {
        return true;
      }
    }
    Matcher words = IDENTIFIER.matcher(message);
    while (words.find()) {
      if (names.contains(words.group())) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code call} with a time limit: a hang is a defect, not a stuck build. */
  static Object timed(Callable<Object> call) throws ReflectiveOperationException, TimeoutException {
    Future<Object> future = EXECUTOR.submit(call);
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ReflectiveOperationException) {
        throw (ReflectiveOperationException) cause;
      }
      throw new InvocationTargetException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      future.cancel(true);
      EXECUTOR = newExecutor();
      throw e;
    }
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "sweep");
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * The names an error about {@code executable}'s arguments may give: its parameters' names (from the
   * {@code -parameters} class files; the varied one first), then the attributes (public no-argument accessors)
   * of the type it belongs to and, for a factory, of the type it returns: {@code AcquisitionCost.flatFee(usd)}
   * may say {@code flatFeeUsd (-1.0) must be ...}.
   */
  static List<String> parameterNames(Executable executable, int varied) {
    List<String> names = new ArrayList<>();
    Parameter[] parameters = executable.getParameters();
    if (varied >= 0) {
      names.add(parameters[varied].getName());
    }
    for (Parameter parameter : parameters) {
      if (!names.contains(parameter.getName())) {
        names.add(parameter.getName());
      }
    }
    Set<Class<?>> owners = new java.util.LinkedHashSet<>();
    owners.add(executable.getDeclaringClass());
    if (executable instanceof Method) {
      owners.add(((Method) executable).getReturnType());
    }
    for (Class<?> owner : owners) {
      if (owner.isPrimitive() || owner.getName().startsWith("java.")) {
        continue;
      }
      for (Method accessor : owner.getMethods()) {
        if (accessor.getParameterCount() == 0 && !Modifier.isStatic(accessor.getModifiers())
            && accessor.getDeclaringClass() != Object.class && !names.contains(accessor.getName())) {
          names.add(accessor.getName());
        }
      }
    }
    return names;
  }

  /**
   * The names an error about a call may also give from its arguments: a lookup's type ({@code numeric format (x)
   * must be one of [...]} from {@code NumericFormat.parse}), a parser's origin (the string argument a message
   * starts with, {@code f.json: ...}), an enum argument's key ({@code Calibration.withValue(GEMM_PEAK_EFFICIENCY,
   * ...)} says {@code gemmPeakEfficiency (...)}).
   */
  static List<String> argumentNames(Executable executable, Object[] arguments, List<String> names) {
    List<String> all = new ArrayList<>(names);
    Class<?> owner = executable instanceof Method ? ((Method) executable).getReturnType() : executable.getDeclaringClass();
    for (Class<?> type : List.of(executable.getDeclaringClass(), owner)) {
      String simple = type.getSimpleName();
      if (!simple.isEmpty()) {
        all.add(LOOKUP + Character.toLowerCase(simple.charAt(0)) + simple.substring(1));
        all.add(LOOKUP + simple.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
        String[] words = simple.split("(?=[A-Z])");
        all.add(LOOKUP + words[words.length - 1].toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Object argument : arguments) {
      if (argument instanceof String) {
        all.add(ORIGIN + argument);
      }
      if (argument instanceof Enum) {
        try {
          Object key = argument.getClass().getMethod("key").invoke(argument);
          if (key instanceof String) {
            all.add((String) key);
          }
        } catch (ReflectiveOperationException | RuntimeException e) {
          // No key.
        }
      }
    }
    return all;
  }

  /** Marks a name a message may start with only for a lookup ({@code ... must be one of [...]}). */
  private static final String LOOKUP = "\u0001lookup:";

  /** Marks a string argument a message may start with, followed by a colon (a parser's origin). */
  private static final String ORIGIN = "\u0001origin:";

  private static Callable<Object> invocation(Executable executable, Object receiver, Object[] arguments) {
    return () ->
        executable instanceof Constructor
            ? ((Constructor<?>) executable).newInstance(arguments)
            : ((Method) executable).invoke(receiver, arguments);
  }

  private static boolean anyInfinity(Object[] arguments) {
    return Stream.of(arguments).anyMatch(a -> a instanceof Double && Double.isInfinite((Double) a));
  }

  private static boolean finite(double value, boolean suppliedInfinity) {
    if (Double.isNaN(value)) {
      return false;
    }
    // An infinity may come back only when one was passed in (an open bound such as a normal's upper).
    return !Double.isInfinite(value) || suppliedInfinity;
  }

  private static String describe(Executable executable, Object[] arguments) {
    return executable.getDeclaringClass().getSimpleName()
        + (executable instanceof Method ? "." + executable.getName() : "")
        + java.util.Arrays.stream(arguments)
            .map(
                a ->
                    a instanceof String && ((String) a).length() > 20
                        ? "<long string>"
                        : a == null || Samples.plain(a.getClass()) || a instanceof Number
                            ? String.valueOf(a).replace("\0", "\\0")
                            : "<" + a.getClass().getSimpleName().replaceFirst("^Immutable", "") + ">")
            .collect(Collectors.joining(", ", "(", ")"));
  }

  @Test
  void oneArgumentAtATime() throws Exception {
    List<Executable> executables = executables();
    assertTrue(executables.size() > 50, "found only " + executables.size() + " constructors and factories");
    Set<String> failures = new TreeSet<>();
    for (Executable executable : executables) {
      Class<?>[] types = executable.getParameterTypes();
      for (int position = 0; position < types.length; position++) {
        for (int choice = 0; choice < choices(types[position]); choice++) {
          Object[] arguments = new Object[types.length];
          for (int i = 0; i < types.length; i++) {
            arguments[i] = value(types[i], i == position ? choice : 0);
          }
          String problem =
              check(
                  invocation(executable, null, arguments),
                  argumentNames(executable, arguments, parameterNames(executable, position)),
                  anyInfinity(arguments));
          if (problem != null) {
            failures.add(describe(executable, arguments) + " " + problem);
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " calls misbehaved:\n" + String.join("\n", failures));
  }

  @Test
  void randomCombinationsOfExtremes() throws Exception {
    List<Executable> executables = executables();
    Gen<Integer> which = Gen.integers(0, executables.size() - 1);
    Gen<List<Integer>> picks = Gen.lists(Gen.integers(0, 64), 8, 8);
    Property.forAll(which, picks)
        .tries(COMBINATIONS)
        .verify(
            (index, choices) -> {
              Executable executable = executables.get(index);
              Class<?>[] types = executable.getParameterTypes();
              Object[] arguments = new Object[types.length];
              for (int i = 0; i < types.length; i++) {
                arguments[i] = value(types[i], choices.get(i % choices.size()));
              }
              String problem =
                  check(
                      invocation(executable, null, arguments),
                      argumentNames(executable, arguments, parameterNames(executable, -1)),
                      anyInfinity(arguments));
              assertTrue(problem == null, () -> describe(executable, arguments) + " " + problem);
            });
  }

  /**
   * Every Immutables builder: from a valid sample ({@code builder().from(sample)}), one attribute set to each
   * extreme value, then {@code build()}. The {@code @Value.Check} must refuse it with a message naming that
   * attribute, or the built value must have only finite numbers (an infinity is never a valid attribute here).
   */
  @Test
  void buildersOneAttributeAtATime() throws Exception {
    Samples samples = new Samples(publicClasses());
    List<Class<?>> types = immutableTypes();
    assertTrue(types.size() >= 35, "found only " + types.size() + " Immutables types");
    Set<String> failures = new TreeSet<>();
    Set<String> unsampled = new TreeSet<>();
    int calls = 0;
    for (Class<?> type : types) {
      Optional<Object> sample = samples.of(type);
      if (sample.isEmpty()) {
        unsampled.add(type.getSimpleName());
        continue;
      }
      for (Variant variant : variants(type, sample.get())) {
        calls++;
        String problem = check(variant.build, List.of(variant.attribute), false);
        if (problem != null) {
          failures.add(type.getSimpleName() + ".builder()." + variant.describe() + ".build() " + problem);
        }
      }
    }
    assertTrue(unsampled.isEmpty(), "no valid sample of " + unsampled);
    assertTrue(calls > 500, "only " + calls + " builds");
    assertTrue(failures.isEmpty(), failures.size() + " builds misbehaved:\n" + String.join("\n", failures));
  }

  /**
   * Random builds with two or three attributes extreme at once ({@link #COMBINATIONS} of them: 3,000 in CI,
   * 30,000 nightly): a refusal must name one of the attributes set, a build must hold only finite numbers.
   */
  @Test
  void buildersRandomCombinations() throws Exception {
    Samples samples = new Samples(publicClasses());
    List<Class<?>> types = immutableTypes();
    Map<Class<?>, List<Method>> setters = new HashMap<>();
    for (Class<?> type : types) {
      setters.put(type, plainSetters(type));
    }
    Gen<Integer> which = Gen.integers(0, types.size() - 1);
    Gen<List<Integer>> picks = Gen.lists(Gen.integers(0, 1 << 20), 6, 6);
    Property.forAll(which, picks)
        .tries(COMBINATIONS)
        .verify(
            (index, choices) -> {
              Class<?> type = types.get(index);
              List<Method> candidates = setters.get(type);
              if (candidates.isEmpty()) {
                return;
              }
              Object sample = samples.of(type).orElseThrow();
              int count = 2 + choices.get(0) % 2;
              List<Method> chosen = new ArrayList<>();
              List<Object> values = new ArrayList<>();
              for (int k = 0; k < count; k++) {
                Method setter = candidates.get(choices.get(1 + k) % candidates.size());
                chosen.add(setter);
                values.add(value(setter.getParameterTypes()[0], choices.get(4 + (k % 2)) >> (3 * k)));
              }
              Callable<Object> build =
                  () -> {
                    Object builder = Samples.builderOf(type).invoke(null);
                    Method from = fromMethod(builder.getClass(), sample);
                    if (from != null) {
                      from.invoke(builder, sample);
                    }
                    for (int k = 0; k < chosen.size(); k++) {
                      chosen.get(k).invoke(builder, values.get(k));
                    }
                    return builder.getClass().getMethod("build").invoke(builder);
                  };
              List<String> names = new ArrayList<>();
              StringBuilder described = new StringBuilder(type.getSimpleName() + ".builder()");
              for (int k = 0; k < chosen.size(); k++) {
                names.add(chosen.get(k).getName());
                described.append('.').append(new Variant(chosen.get(k).getName(), values.get(k), null).describe());
              }
              String problem = check(build, names, false);
              assertTrue(problem == null, () -> described + ".build() " + problem);
            });
  }

  /** The builder's {@code from} that takes {@code sample}: the most specific one. */
  static Method fromMethod(Class<?> builderType, Object sample) {
    Method from = null;
    for (Method method : builderType.getMethods()) {
      if (method.getName().equals("from") && method.getParameterCount() == 1
          && method.getParameterTypes()[0].isInstance(sample)
          && (from == null || from.getParameterTypes()[0].isAssignableFrom(method.getParameterTypes()[0]))) {
        from = method;
      }
    }
    return from;
  }

  /** The builder setters of {@code type}'s attributes that take one plain value, in a stable order. */
  static List<Method> plainSetters(Class<?> type) {
    Class<?> builderType = Samples.builderOf(type).getReturnType();
    Set<String> attributes = new TreeSet<>();
    for (Method accessor : type.getMethods()) {
      if (accessor.getParameterCount() == 0 && !Modifier.isStatic(accessor.getModifiers())
          && accessor.getDeclaringClass() != Object.class) {
        attributes.add(accessor.getName());
      }
    }
    List<Method> setters = new ArrayList<>();
    for (Method method : builderType.getMethods()) {
      if (method.getParameterCount() == 1 && attributes.contains(method.getName())
          && Samples.plain(method.getParameterTypes()[0]) && method.getDeclaringClass() == builderType) {
        setters.add(method);
      }
    }
    setters.sort(Comparator.comparing(Method::toGenericString));
    return setters;
  }

  /**
   * Public constructors, static factories and instance methods whose parameters include composite types: each
   * composite argument is a valid sample, and the plain arguments are varied one at a time through the extremes;
   * then each composite argument is replaced by every variant its builder accepted (one attribute extreme). Each
   * call must refuse with a message naming the varied parameter or attribute (or another parameter of the call),
   * or return finite, sane numbers.
   */
  @Test
  void compositeArgumentsOneValueAtATime() throws Exception {
    List<Class<?>> classes = publicClasses();
    Samples samples = new Samples(classes);
    Map<Class<?>, List<Variant>> accepted = new HashMap<>();
    Set<String> failures = new TreeSet<>();
    int calls = 0;
    int executablesSwept = 0;
    for (Target target : compositeTargets(classes, samples)) {
      executablesSwept++;
      Executable executable = target.executable;
      Class<?>[] types = executable.getParameterTypes();
      Object[] baseline = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        baseline[i] = Samples.plain(types[i]) ? value(types[i], 0) : samples.of(types[i]).orElseThrow();
      }
      for (int position = 0; position < types.length; position++) {
        List<Object[]> argumentSets = new ArrayList<>();
        List<List<String>> blamed = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (Samples.plain(types[position])) {
          for (int choice = 1; choice < choices(types[position]); choice++) {
            Object[] arguments = baseline.clone();
            arguments[position] = value(types[position], choice);
            argumentSets.add(arguments);
            blamed.add(parameterNames(executable, position));
            labels.add(describe(executable, arguments));
          }
        } else if (!immutableTypes().contains(types[position])) {
          continue;
        } else {
          List<Variant> variants =
              accepted.computeIfAbsent(
                  types[position], type -> acceptedVariants(type, samples.of(type).orElseThrow()));
          for (Variant variant : variants) {
            Object[] arguments = baseline.clone();
            try {
              arguments[position] = variant.build.call();
            } catch (Exception e) {
              continue;
            }
            List<String> names = new ArrayList<>();
            names.add(variant.attribute);
            names.addAll(parameterNames(executable, position));
            argumentSets.add(arguments);
            blamed.add(names);
            labels.add(describe(executable, baseline) + " with " + types[position].getSimpleName() + "."
                + variant.describe());
          }
        }
        for (int k = 0; k < argumentSets.size(); k++) {
          calls++;
          Object[] arguments = argumentSets.get(k);
          String problem =
              check(
                  invocation(executable, target.receiver, arguments),
                  argumentNames(executable, arguments, blamed.get(k)),
                  anyInfinity(arguments));
          if (problem != null) {
            failures.add(labels.get(k) + " " + problem);
          }
        }
      }
    }
    assertTrue(executablesSwept > 100, "swept only " + executablesSwept + " executables with composite arguments");
    assertTrue(calls > 2000, "only " + calls + " calls");
    assertTrue(failures.isEmpty(), failures.size() + " calls misbehaved:\n" + String.join("\n", failures));
  }

  /** One builder call: {@code builder().from(sample).attribute(value)}, built when called. */
  static final class Variant {
    final String attribute;
    final Object value;
    final Callable<Object> build;

    Variant(String attribute, Object value, Callable<Object> build) {
      this.attribute = attribute;
      this.value = value;
      this.build = build;
    }

    String describe() {
      String shown = value instanceof String && ((String) value).length() > 20 ? "<long string>" : String.valueOf(value);
      return attribute + "(" + shown + ")";
    }
  }

  /** The Immutables value types of core, scaling and costing (those with a generated {@code Immutable*} class). */
  static List<Class<?>> immutableTypes() throws IOException, URISyntaxException {
    if (immutables == null) {
      List<Class<?>> types = new ArrayList<>();
      for (Class<?> type : publicClasses()) {
        if (!type.getSimpleName().startsWith("Immutable") && Samples.builderOf(type) != null) {
          try {
            Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName(), false, type.getClassLoader());
            types.add(type);
          } catch (ClassNotFoundException e) {
            // Not an Immutables type.
          }
        }
      }
      immutables = types;
    }
    return immutables;
  }

  private static List<Class<?>> immutables;

  /** Every builder call that sets one plain attribute of {@code sample} to one extreme value. */
  static List<Variant> variants(Class<?> type, Object sample) throws ReflectiveOperationException {
    Method builderMethod = Samples.builderOf(type);
    Class<?> builderType = builderMethod.getReturnType();
    Method from = fromMethod(builderType, sample);
    Method build = builderType.getMethod("build");
    List<Method> setters = plainSetters(type);
    Method fromMethod = from;
    List<Variant> variants = new ArrayList<>();
    for (Method setter : setters) {
      Class<?> parameter = setter.getParameterTypes()[0];
      for (int choice = 0; choice < choices(parameter); choice++) {
        Object value = value(parameter, choice);
        variants.add(
            new Variant(
                setter.getName(),
                value,
                () -> {
                  Object builder = builderMethod.invoke(null);
                  if (fromMethod != null) {
                    fromMethod.invoke(builder, sample);
                  }
                  setter.invoke(builder, value);
                  return build.invoke(builder);
                }));
      }
    }
    return variants;
  }

  /** The variants of {@code type}'s sample that its builder accepts (and that differ from the sample). */
  private static List<Variant> acceptedVariants(Class<?> type, Object sample) {
    List<Variant> accepted = new ArrayList<>();
    try {
      for (Variant variant : variants(type, sample)) {
        try {
          Object built = timed(variant.build);
          if (built != null && !built.equals(sample)) {
            accepted.add(variant);
          }
        } catch (ReflectiveOperationException | TimeoutException | RuntimeException e) {
          // Refused: the builder sweep checks its message.
        }
      }
    } catch (ReflectiveOperationException e) {
      // No builder to vary.
    }
    return accepted;
  }

  /** A call to sweep: a constructor or static method (no receiver) or an instance method of a sample. */
  static final class Target {
    final Executable executable;
    final Object receiver;

    Target(Executable executable, Object receiver) {
      this.executable = executable;
      this.receiver = receiver;
    }
  }

  /**
   * The public constructors and static methods with at least one composite parameter, and the public instance
   * methods with parameters of every type that has a sample, each reachable (every composite parameter has a
   * sample); the builders' own methods and the heavy calls are left out.
   */
  static List<Target> compositeTargets(List<Class<?>> classes, Samples samples) {
    List<Target> targets = new ArrayList<>();
    for (Class<?> type : classes) {
      if (VALIDATORS.contains(type.getName()) || type.getSimpleName().startsWith("Immutable")) {
        continue;
      }
      List<Executable> candidates = new ArrayList<>();
      if (!Modifier.isAbstract(type.getModifiers()) && !type.isInterface() && !type.isEnum()) {
        candidates.addAll(List.of(type.getConstructors()));
      }
      for (Method method : type.getMethods()) {
        if (method.getDeclaringClass() == type && !HEAVY.contains(method.getName())
            && method.getReturnType() != void.class && !method.getName().equals("equals")
            && !(type.isEnum() && method.getName().equals("valueOf"))) {
          candidates.add(method);
        }
      }
      candidates.sort(Comparator.comparing(Executable::toGenericString));
      for (Executable executable : candidates) {
        if (executable.getParameterCount() == 0) {
          continue;
        }
        boolean instance = executable instanceof Method && !Modifier.isStatic(executable.getModifiers());
        boolean composite = !Stream.of(executable.getParameterTypes()).allMatch(Samples::plain);
        if (!instance && !composite) {
          continue; // Swept by oneArgumentAtATime.
        }
        if (!samples.reachable(executable)) {
          continue;
        }
        Object receiver = null;
        if (instance) {
          Optional<Object> sample = samples.of(type);
          if (sample.isEmpty()) {
            continue;
          }
          receiver = sample.get();
        }
        targets.add(new Target(executable, receiver));
      }
    }
    return targets;
  }
}
