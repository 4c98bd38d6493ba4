/** Documents of scaling laws (dev.persistence.scaling.law): a bundled law by name, or an object with a {@code type} discriminator. */
package dev.persistence.io.law;
