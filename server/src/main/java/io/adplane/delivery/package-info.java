/**
 * Campaigns that deliver (issue 13): hourly delivery facts and the rollups kept from them, the simulation
 * clock, the deterministic market simulator and the ingestion of real delivery rows.
 */
package io.adplane.delivery;
