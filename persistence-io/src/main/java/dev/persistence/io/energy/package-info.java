/** Documents of power models (dev.persistence.costing.energy). */
package dev.persistence.io.energy;
