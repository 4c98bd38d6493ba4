/** Documents for number formats: weight formats and memory allowances used by inference and serving. */
package dev.persistence.io.precision;
