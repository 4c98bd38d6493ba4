/** Documents for scaling: laws (with a {@code type} discriminator), allocation problems and results, fit observations. */
package dev.persistence.io.scaling;
