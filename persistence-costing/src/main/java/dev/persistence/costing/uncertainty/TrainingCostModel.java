package dev.persistence.costing.uncertainty;

import static com.google.common.base.Preconditions.checkArgument;

import dev.persistence.costing.training.Durations;

/**
 * The closed-form training cost model, evaluated over columns of primitive samples without allocation: the same
 * arithmetic as {@code TrainingRun}, {@code EnergyEstimate} and {@code GridIntensity} in one pass.
 *
 * <pre>{@code
 * flops            = k N D
 * wall seconds     = flops / (accelerators x peak x MFU) / goodput
 * accelerator-hours = accelerators x wall seconds / 3600
 * cost             = accelerator-hours x price
 * energy kWh       = accelerator-hours x TDP x (tdpFraction + serverRatio - 1) x PUE / 1000
 * CO2e tonnes      = energy kWh x grid kg/kWh / 1000
 * }</pre>
 */
public final class TrainingCostModel {

  private static final int PARAMETERS = CostInput.PARAMETERS.ordinal();
  private static final int TOKENS = CostInput.TOKENS.ordinal();
  private static final int K = CostInput.FLOPS_PER_PARAMETER_PER_TOKEN.ordinal();
  private static final int COUNT = CostInput.ACCELERATOR_COUNT.ordinal();
  private static final int PEAK = CostInput.PEAK_FLOPS_PER_SECOND.ordinal();
  private static final int MFU = CostInput.MODEL_FLOPS_UTILIZATION.ordinal();
  private static final int GOODPUT = CostInput.GOODPUT.ordinal();
  private static final int PRICE = CostInput.USD_PER_ACCELERATOR_HOUR.ordinal();
  private static final int TDP = CostInput.ACCELERATOR_TDP_WATTS.ordinal();
  private static final int FRACTION = CostInput.TDP_FRACTION.ordinal();
  private static final int RATIO = CostInput.SERVER_TO_CHIP_POWER_RATIO.ordinal();
  private static final int PUE = CostInput.POWER_USAGE_EFFECTIVENESS.ordinal();
  private static final int GRID = CostInput.GRID_KG_CO2E_PER_KWH.ordinal();

  private TrainingCostModel() {}

  /**
   * Evaluates samples {@code [from, to)}.
   *
   * @param inputs one column per {@link CostInput}, by ordinal
   * @param outputs one column per {@link CostOutput}, by ordinal; {@code LOSS} is written only when {@code loss}
   *     is given
   * @param from first sample
   * @param to one past the last sample
   * @param loss the loss hook, or {@code null}
   * @throws IllegalArgumentException if a column is missing or too short
   */
  public static void evaluate(double[][] inputs, double[][] outputs, int from, int to, LossFunction loss) {
    checkArgument(
        inputs.length == CostInput.values().length,
        "inputs (%s columns) must have one column per CostInput (%s)",
        inputs.length,
        CostInput.values().length);
    checkArgument(
        outputs.length == CostOutput.values().length,
        "outputs (%s columns) must have one column per CostOutput (%s)",
        outputs.length,
        CostOutput.values().length);
    checkArgument(0 <= from && from <= to, "sample range from (%s) and to (%s) must satisfy 0 <= from <= to", from, to);
    double[] n = inputs[PARAMETERS];
    double[] d = inputs[TOKENS];
    double[] k = inputs[K];
    double[] count = inputs[COUNT];
    double[] peak = inputs[PEAK];
    double[] mfu = inputs[MFU];
    double[] goodput = inputs[GOODPUT];
    double[] price = inputs[PRICE];
    double[] tdp = inputs[TDP];
    double[] fraction = inputs[FRACTION];
    double[] ratio = inputs[RATIO];
    double[] pue = inputs[PUE];
    double[] grid = inputs[GRID];
    double[] cost = outputs[CostOutput.COST_USD.ordinal()];
    double[] days = outputs[CostOutput.WALL_CLOCK_DAYS.ordinal()];
    double[] hours = outputs[CostOutput.ACCELERATOR_HOURS.ordinal()];
    double[] energy = outputs[CostOutput.ENERGY_KWH.ordinal()];
    double[] carbon = outputs[CostOutput.CO2E_TONNES.ordinal()];
    double[] losses = outputs[CostOutput.LOSS.ordinal()];
    for (int i = from; i < to; i++) {
      double flops = k[i] * n[i] * d[i];
      double wallSeconds = flops / (count[i] * peak[i] * mfu[i]) / goodput[i];
      double acceleratorHours = count[i] * wallSeconds / Durations.SECONDS_PER_HOUR;
      double kilowattHours = acceleratorHours * tdp[i] * (fraction[i] + ratio[i] - 1) * pue[i] / 1000.0;
      cost[i] = acceleratorHours * price[i];
      days[i] = wallSeconds / Durations.SECONDS_PER_DAY;
      hours[i] = acceleratorHours;
      energy[i] = kilowattHours;
      carbon[i] = kilowattHours * grid[i] / 1000.0;
    }
    if (loss != null) {
      for (int i = from; i < to; i++) {
        losses[i] = loss.loss(n[i], d[i]);
      }
    }
  }
}
