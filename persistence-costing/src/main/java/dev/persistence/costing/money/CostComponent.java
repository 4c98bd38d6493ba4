package dev.persistence.costing.money;

/** The parts a cost breaks into. */
public enum CostComponent {
  /** Cloud rental of accelerators (servers, network and facility included in the price). */
  CLOUD_RENTAL,
  /** Owned accelerators' purchase price, amortised. */
  ACCELERATOR_CAPITAL,
  /** Owned servers' price beyond the accelerators (chassis, CPUs, memory, NICs), amortised. */
  NODE_CAPITAL,
  /** Owned networking fabric and storage, amortised. */
  NETWORKING_AND_STORAGE_CAPITAL,
  /** Electricity, facility overhead included. */
  ENERGY,
  /** People operating the cluster. */
  OPERATIONS_STAFF
}
