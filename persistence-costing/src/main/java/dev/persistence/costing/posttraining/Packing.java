package dev.persistence.costing.posttraining;

/**
 * How a fine-tuning stage (SFT, preference tuning) lays its examples into the trainer's sequences, which decides
 * how many of the tokens it pays for are real and how long the sequences the step-time model sees are.
 */
public enum Packing {
  /**
   * Examples concatenated into sequences of {@code sequenceLength} (TRL's and Megatron's packing): the stage's
   * {@code packingEfficiency} is the real share, the trainer runs sequences of {@code sequenceLength}.
   */
  PACKED,
  /**
   * One example per micro-batch at its own length, padded only to the longest of its micro-batch: open-instruct's
   * {@code finetune.py} and {@code dpo_tune.py} with {@code --per_device_train_batch_size 1} and
   * {@code DataCollatorForSeq2Seq(padding="longest")} (allenai/open-instruct@2c60e7bc, the Tülu 3 runs'). An SFT
   * example costs its own tokens and the trainer sees sequences of the mean example ({@code sequenceLength} only
   * truncates); a preference pair's chosen and rejected sequences are padded to the longer of the two
   * ({@code dpo_utils.concatenated_inputs}), so a pair costs {@code 2 x (prompt + max(chosen, rejected))}.
   */
  PER_EXAMPLE,
  /**
   * Every sequence padded to {@code sequenceLength} ({@code padding="max_length"}): the real share is the mean
   * sequence over {@code sequenceLength}.
   */
  PADDED
}
