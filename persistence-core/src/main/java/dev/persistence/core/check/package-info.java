/**
 * The one role-based precondition helper of every module ({@link dev.persistence.core.check.Checks}), in the
 * style of Guava's {@code MathPreconditions}: each rule's message is written once, and every message reads
 * {@code gpuCount (0) must be > 0}, naming the field, the value and the rule.
 */
package dev.persistence.core.check;
