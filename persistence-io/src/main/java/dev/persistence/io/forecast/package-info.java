/** Reading a team's runs for capability forecasts ({@link dev.persistence.scaling.forecast.CapabilityForecaster}). */
package dev.persistence.io.forecast;
