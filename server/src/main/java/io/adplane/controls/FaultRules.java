package io.adplane.controls;

import java.util.List;

/** A workspace's fault rules, in the order they are tried. */
public record FaultRules(List<FaultRule> rules) {
}
