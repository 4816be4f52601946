package io.adplane.controls;

/** What a fixture load wrote: how many workspaces, organizations (owners included), users and clients. */
public record FixtureLoaded(int workspaces, int organizations, int users, int clients) {
}
