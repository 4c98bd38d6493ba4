/**
 * Serving cost from a roofline: prefill and decode time on a tensor-parallel group as the larger of compute time
 * and memory time (weights plus key/value cache read per decode step), the largest batch that fits, dollars per
 * million input and output tokens, and the accelerators a daily demand needs.
 */
@PersistenceStyle
package dev.persistence.costing.serving;

import dev.persistence.core.PersistenceStyle;
