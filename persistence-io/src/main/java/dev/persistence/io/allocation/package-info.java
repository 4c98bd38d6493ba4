/** Documents of compute-optimal allocation (dev.persistence.scaling.allocation). */
package dev.persistence.io.allocation;
