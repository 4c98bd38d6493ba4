package dev.persistence.costing.serving;

/** Which roof bounds a step. */
public enum Bound {
  /** Arithmetic: the step's FLOPs over the replica's FLOP/s is the longer time. */
  COMPUTE,
  /** Memory traffic: the bytes each rank moves over its bandwidth is the longer time. */
  MEMORY
}
