/**
 * Our property-testing engine for JUnit 5 (generators, shrinking, seeds, envelopes of planning assumptions) and generators of valid core values.
 */
@PersistenceStyle
package dev.persistence.testkit;

import dev.persistence.core.PersistenceStyle;
