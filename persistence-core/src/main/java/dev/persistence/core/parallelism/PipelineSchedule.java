package dev.persistence.core.parallelism;

/**
 * The pipeline schedule: how many micro-batches of activations a stage holds, how many copies of its parameters,
 * and how large the bubble is.
 *
 * <p>Figures per the DualPipe paper's comparison table (DeepSeek-AI 2024, DeepSeek-V3 technical report,
 * arXiv:2412.19437 section 3.2.1, Table 2), with {@code PP} pipeline ranks, {@code F}/{@code B}/{@code W} the
 * forward, full backward and weight-gradient backward time of one chunk and {@code F&B} the time of a forward and
 * a backward chunk run overlapped:
 *
 * <table>
 *   <caption>bubble, parameters, activations per schedule</caption>
 *   <tr><th>schedule</th><th>bubble</th><th>parameters</th><th>activations</th></tr>
 *   <tr><td>1F1B</td><td>(PP - 1)(F + B)</td><td>1x</td><td>PP</td></tr>
 *   <tr><td>DualPipe</td><td>(PP/2 - 1)(F&amp;B + B - 3W)</td><td>2x</td><td>PP + 1</td></tr>
 * </table>
 */
public enum PipelineSchedule {
  /**
   * 1F1B (Narayanan et al. 2021, arXiv:2104.04473 section 2.2.1), interleaved when the plan has more than one
   * virtual stage per rank (section 2.2.2: bubble {@code (p - 1)/(v m)} of the ideal time; Korthikanti et al.
   * 2022 section 4.2.3: first stage holds {@code p} micro-batches, times {@code 1 + (p - 1)/(p v)} interleaved).
   */
  ONE_F_ONE_B,
  /**
   * DualPipe, the bidirectional schedule of DeepSeek-V3 (arXiv:2412.19437 section 3.2.1 and Table 2): micro-batches
   * enter from both ends, each rank keeps two copies of its parameters (one per direction) and {@code PP + 1}
   * micro-batches of activations; the bubble is {@code (PP/2 - 1)(F&B + B - 3W)}; a forward chunk of one
   * micro-batch runs beside a backward chunk of another, which hides the expert all-to-all and the pipeline
   * transfers behind compute. It needs an even number of pipeline ranks.
   */
  DUAL_PIPE
}
