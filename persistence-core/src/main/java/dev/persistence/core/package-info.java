/**
 * Core planning types shared by every module: units, precisions, architectures, accelerators, clusters and parallelism plans, with exact parameter, FLOP and memory accounting. Depends on Guava alone at run time.
 */
package dev.persistence.core;
