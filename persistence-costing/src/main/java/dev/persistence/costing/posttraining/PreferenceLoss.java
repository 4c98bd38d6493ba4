package dev.persistence.costing.posttraining;

/**
 * Preference-tuning objectives, by whether they need a frozen reference model's log-probabilities.
 */
public enum PreferenceLoss {
  /** Direct Preference Optimization (Rafailov et al. 2023, arXiv:2305.18290, eq. 7): needs the reference. */
  DPO(true),
  /** Length-normalised DPO, Tülu 3's choice (Lambert et al. 2024 section 5.4, eq. 6): needs the reference. */
  LENGTH_NORMALIZED_DPO(true),
  /** IPO (Azar et al. 2023, arXiv:2310.12036): needs the reference. */
  IPO(true),
  /** KTO (Ethayarajh et al. 2024, arXiv:2402.01306): needs the reference. */
  KTO(true),
  /** SimPO (Meng et al. 2024, arXiv:2405.14734 section 2): reference-free, length-normalised reward. */
  SIMPO(false),
  /** ORPO (Hong et al. 2024, arXiv:2403.07691 section 3): reference-free odds-ratio term added to SFT. */
  ORPO(false);

  private final boolean needsReference;

  PreferenceLoss(boolean needsReference) {
    this.needsReference = needsReference;
  }

  /** Whether the loss reads a frozen reference model's log-probabilities (one forward per response). */
  public boolean needsReference() {
    return needsReference;
  }
}
