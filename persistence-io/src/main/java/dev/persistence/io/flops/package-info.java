/** Documents of FLOP counts (dev.persistence.core.flops). */
package dev.persistence.io.flops;
