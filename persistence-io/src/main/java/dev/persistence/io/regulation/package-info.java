/** Documents of compute thresholds (dev.persistence.costing.regulation). */
package dev.persistence.io.regulation;
