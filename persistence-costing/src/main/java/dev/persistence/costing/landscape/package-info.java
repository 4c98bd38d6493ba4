/**
 * The landscape a plan lands in: notable published models ({@link dev.persistence.costing.landscape.NotableModel},
 * as Epoch AI's "Data on AI Models" records them), the trend of frontier training compute over time
 * ({@link dev.persistence.costing.landscape.FrontierTrend}), and where a planned run stands against both
 * ({@link dev.persistence.costing.landscape.Positioning}).
 */
@PersistenceStyle
package dev.persistence.costing.landscape;

import dev.persistence.core.PersistenceStyle;
