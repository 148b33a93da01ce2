/**
 * Histories of simulated runs: every operation and fault as invoke / ok / fail / info entries with
 * virtual timestamps and process ids, with Jepsen's rules enforced and timeline rendering for reports.
 */
package io.hvcluster.testkit.history;
