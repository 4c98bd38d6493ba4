/** Documents of the uncertainty model's distributions (dev.persistence.costing.uncertainty). */
package dev.persistence.io.uncertainty;
