package io.hvcluster.cli;

import picocli.CommandLine.Command;

/** {@code hvcluster campaign}: many runs spread over local threads or a grid, with the same answer. */
@Command(name = "campaign", mixinStandardHelpOptions = true, description = {"Runs a campaign: many torture scenarios"
    + " or fleet what-if runs, on local threads or a grid (--engine hazelcast --members ...), with results keyed by"
    + " run index and a digest that is the same on every engine (docs/campaigns.md)."},
    subcommands = {CampaignTortureCommand.class, CampaignFleetCommand.class})
final class CampaignCommand {
  private CampaignCommand() {}
}
