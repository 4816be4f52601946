package io.adplane.controls;

/**
 * What a fixture load wrote: how many workspaces, organizations (owners included), users and clients, and how many
 * creatives, insertion orders and campaigns it added (those whose ids existed are kept as they were, E7).
 */
public record FixtureLoaded(int workspaces, int organizations, int users, int clients, int creatives,
        int insertionOrders, int campaigns) {
}
