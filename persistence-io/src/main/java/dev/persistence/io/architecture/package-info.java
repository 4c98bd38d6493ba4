/** Documents for architectures: the {@code model} section of scenario files and stand-alone model files. */
package dev.persistence.io.architecture;
