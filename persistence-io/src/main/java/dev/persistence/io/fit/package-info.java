/** Documents of fit observations (dev.persistence.scaling.fit). */
package dev.persistence.io.fit;
