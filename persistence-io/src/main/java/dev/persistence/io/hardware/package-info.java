/** Documents for hardware: single accelerators in the catalog's entry format. */
package dev.persistence.io.hardware;
