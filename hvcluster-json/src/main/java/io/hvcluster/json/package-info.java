/**
 * Reading and writing hvcluster's JSON files, and running scenarios.
 *
 * <ul>
 *   <li>{@link io.hvcluster.json.ClusterDescriptions}: cluster descriptions ({@code docs/cluster-description.md}).
 *   <li>{@link io.hvcluster.json.ScenarioFiles}: scenario files ({@code docs/scenario-format.md}), read into a
 *       {@link io.hvcluster.json.Scenario} that {@link io.hvcluster.json.ScenarioRunner} runs.
 *   <li>{@link io.hvcluster.json.FaultPlans}: testkit fault plans as files.
 *   <li>{@link io.hvcluster.json.InputFiles}: the one reader of every input file: regular files only, at most
 *       16 MiB, UTF-8 only.
 * </ul>
 *
 * <p>Every refusal is an {@link io.hvcluster.json.InvalidInputException} whose message is one printable line
 * naming the file and the JSON path, for example
 * {@code retail.json: $.actions[2].host: host 'node9' is not in the cluster; its hosts: node1, node2}.
 */
package io.hvcluster.json;
