package dev.persistence.costing.posttraining;

/** Policy-gradient algorithms, by whether they train a value model (critic). */
public enum RlAlgorithm {
  /** PPO (Schulman et al. 2017; Ouyang et al. 2022): a value model is forwarded and trained each step. */
  PPO(true),
  /** GRPO (Shao et al. 2024, arXiv:2402.03300 section 4.1): group-relative baseline, no critic. */
  GRPO(false),
  /** RLOO (Ahmadian et al. 2024, arXiv:2402.14740): leave-one-out baseline, no critic. */
  RLOO(false),
  /** REINFORCE++ (Hu 2025, arXiv:2501.03262): batch-normalised baseline, no critic. */
  REINFORCE_PLUS_PLUS(false);

  private final boolean trainsCritic;

  RlAlgorithm(boolean trainsCritic) {
    this.trainsCritic = trainsCritic;
  }

  /** Whether a value model is forwarded and trained each step. */
  public boolean trainsCritic() {
    return trainsCritic;
  }
}
