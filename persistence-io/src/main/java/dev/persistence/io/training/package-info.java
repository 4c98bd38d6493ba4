/** Documents of training-run inputs: goodput (dev.persistence.costing.training). */
package dev.persistence.io.training;
