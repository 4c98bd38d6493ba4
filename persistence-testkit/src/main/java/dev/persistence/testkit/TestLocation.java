package dev.persistence.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The JUnit test method running a property, read from the call stack, so that a failure's reproduce hint names
 * it ({@code -Dtest=CostProperties#cheaperWithMoreGpus}) rather than a placeholder.
 */
final class TestLocation {

  /** JUnit's marker on {@code @Test}, {@code @TestFactory} and {@code @TestTemplate} (and so on their kin). */
  private static final String TESTABLE = "org.junit.platform.commons.annotation.Testable";

  private TestLocation() {}

  /**
   * The innermost test method on the current thread's stack, as surefire's {@code -Dtest} takes it.
   *
   * @return {@code SimpleClassName#method}, or empty when no test method is on the stack
   */
  static Optional<String> current() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .filter(frame -> isTestMethod(frame.getDeclaringClass(), frame.getMethodName()))
                    .findFirst()
                    .map(frame -> selector(frame.getDeclaringClass(), frame.getMethodName())));
  }

  /**
   * The Maven command line that reruns a failure with its seed.
   *
   * @param seed the seed of the failing run
   * @return {@code ./mvnw -B test -Dpersistence.seed=... -Dtest=...}, without {@code -Dtest} when no test
   *     method is on the stack
   */
  static String rerunCommand(long seed) {
    StringBuilder command =
        new StringBuilder(String.format(Locale.ROOT, "./mvnw -B test -D%s=%d", Property.SEED_PROPERTY, seed));
    current()
        .ifPresent(
            test ->
                command
                    .append(" -Dtest=")
                    .append(test.contains("$") ? "'" + test + "'" : test)
                    .append(" -Dsurefire.failIfNoSpecifiedTests=false"));
    return command.toString();
  }

  private static String selector(Class<?> type, String method) {
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1) + "#" + method;
  }

  private static boolean isTestMethod(Class<?> type, String name) {
    if (type.getName().startsWith("java.") || type.getName().startsWith("org.junit.")) {
      return false;
    }
    try {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(name) && isTestable(method.getAnnotations(), new HashSet<>())) {
          return true;
        }
      }
    } catch (LinkageError | SecurityException e) {
      // A class whose methods cannot be listed is not where the test is.
    }
    return false;
  }

  private static boolean isTestable(Annotation[] annotations, Set<Class<?>> seen) {
    for (Annotation annotation : annotations) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.getName().equals(TESTABLE)) {
        return true;
      }
      if (seen.add(type) && isTestable(type.getAnnotations(), seen)) {
        return true;
      }
    }
    return false;
  }
}
