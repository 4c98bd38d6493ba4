/**
 * The {@code persistence} command.
 */
package dev.persistence.cli;
