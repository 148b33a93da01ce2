package io.hvcluster.json;

import org.apiguardian.api.API;

/**
 * What became of one scenario action: whether the cluster accepted it (an operator action on a node that
 * is down, or a start without quorum, is refused as the real cluster would refuse it) and what it said.
 *
 * @param action the action
 * @param atNanos when it was attempted, in virtual time
 * @param accepted whether the cluster accepted it
 * @param detail what was started, or why it was refused
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ActionOutcome(ScenarioAction action, long atNanos, boolean accepted, String detail) {}
