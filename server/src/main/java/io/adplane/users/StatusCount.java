package io.adplane.users;

/** One organization status with how many customers have it ({@code customers/count}). */
public record StatusCount(String name, int id, String label, int order, long statusCount) {
}
