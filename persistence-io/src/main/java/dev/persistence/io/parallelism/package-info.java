/** Documents of parallelism plans (dev.persistence.core.parallelism). */
package dev.persistence.io.parallelism;
