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
import java.util.regex.Pattern;
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
  private static final Set<String> HEAVY = Set.of("run", "summarize", "bootstrap", "fit", "search", "main");

  /** The validation helpers themselves: their messages name whatever field their caller passes in. */
  private static final Set<String> VALIDATORS =
      Set.of(
          "dev.persistence.core.exact.Amounts",
          "dev.persistence.core.exact.ExactCounts",
          "dev.persistence.core.check.Checks");

  /** A message names a field: a camelCase or dotted identifier, or a word, followed by a value in parentheses. */
  private static final Pattern NAMES_A_FIELD =
      Pattern.compile(
          "[A-Za-z]([A-Za-z0-9_.\\-]*[A-Za-z0-9])?\\)? \\(|[a-z]+[A-Z][A-Za-z0-9]*|--[a-z]|^\\s*\\S*: |[a-z]+ must ");

  private static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
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

  /** One call's outcome: null when acceptable, else what is wrong. */
  private static String check(Executable executable, Object[] arguments) {
    Object result;
    try {
      result =
          executable instanceof Constructor
              ? ((Constructor<?>) executable).newInstance(arguments)
              : ((Method) executable).invoke(null, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException) {
        String message = cause.getMessage();
        // Long runs (a 10,000-character name echoed back) are shortened first: the pattern backtracks on them.
        return message != null && NAMES_A_FIELD.matcher(message.replaceAll("[A-Za-z0-9]{65,}", "long")).find()
            ? null
            : "an IllegalArgumentException that names no field: " + message;
      }
      return "threw " + cause;
    } catch (ReflectiveOperationException e) {
      return "could not be called: " + e;
    }
    if (result instanceof Double) {
      return finite((Double) result, arguments, "the result") ? null : "returned " + result;
    }
    if (result == null) {
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
        double value = (double) accessor.invoke(result);
        if (!finite(value, arguments, accessor.getName())) {
          return "gave " + accessor.getName() + "() = " + value;
        }
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof IllegalArgumentException)) {
          return "its " + accessor.getName() + "() threw " + e.getCause();
        }
      } catch (ReflectiveOperationException e) {
        // Not callable from here: nothing to check.
      }
    }
    return null;
  }

  private static boolean finite(double value, Object[] arguments, String what) {
    if (Double.isNaN(value)) {
      return false;
    }
    if (Double.isInfinite(value)) {
      // An infinity may come back only when one was passed in (an open bound such as a normal's upper).
      return Stream.of(arguments).anyMatch(a -> a instanceof Double && Double.isInfinite((Double) a));
    }
    return true;
  }

  private static String describe(Executable executable, Object[] arguments) {
    return executable.getDeclaringClass().getSimpleName()
        + (executable instanceof Method ? "." + executable.getName() : "")
        + java.util.Arrays.stream(arguments)
            .map(a -> a instanceof String && ((String) a).length() > 20 ? "<long string>" : String.valueOf(a))
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
          String problem = check(executable, arguments);
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
        .tries(3000)
        .verify(
            (index, choices) -> {
              Executable executable = executables.get(index);
              Class<?>[] types = executable.getParameterTypes();
              Object[] arguments = new Object[types.length];
              for (int i = 0; i < types.length; i++) {
                arguments[i] = value(types[i], choices.get(i % choices.size()));
              }
              String problem = check(executable, arguments);
              assertTrue(
                  problem == null,
                  () -> describe(executable, arguments) + " " + problem);
            });
  }
}
