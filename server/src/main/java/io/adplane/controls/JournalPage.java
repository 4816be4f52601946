package io.adplane.controls;

import java.util.List;

/** Journal entries matching a query, newest first, and how many entries the workspace's journal holds at most. */
public record JournalPage(int capacity, List<JournalEntry> entries) {
}
