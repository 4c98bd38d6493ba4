package dev.persistence.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: put it on a {@code package-info.java} whose package declares
 * {@code @Value.Immutable} types.
 *
 * <p>Abstract value types are named for the concept ({@code Architecture}); the generated class is
 * {@code ImmutableArchitecture}, reached through the abstract type's own {@code builder()} method. Accessors
 * carry no {@code get} prefix, collections are JDK collections (core needs Guava alone at run time, and the
 * generated code must not need more), and derived values are never part of equality or serialized form.
 *
 * <p>The only annotation the generated classes carry from the class path is the JDK's source-retention
 * {@code javax.annotation.processing.Generated}: Immutables would otherwise add its own class-retention
 * {@code org.immutables.value.Generated}, which a project compiling against our jars without the Immutables
 * annotations jar sees as {@code Cannot find annotation method 'from()'} warnings.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    jdkOnly = true,
    depluralize = true,
    allowedClasspathAnnotations = {javax.annotation.processing.Generated.class},
    defaults = @Value.Immutable(copy = true))
public @interface PersistenceStyle {}
