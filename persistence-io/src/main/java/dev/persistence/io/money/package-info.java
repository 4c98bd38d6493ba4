/** Documents of owned clusters (dev.persistence.costing.money). */
package dev.persistence.io.money;
