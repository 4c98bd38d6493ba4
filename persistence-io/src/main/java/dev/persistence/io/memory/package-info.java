/** Documents of memory allowances (dev.persistence.core.memory). */
package dev.persistence.io.memory;
