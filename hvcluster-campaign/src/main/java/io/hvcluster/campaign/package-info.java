/**
 * The campaign API: {@link io.hvcluster.campaign.Campaign} (what to run, the master seed, how many runs),
 * the works it can run ({@link io.hvcluster.campaign.TortureWork}, {@link io.hvcluster.campaign.FleetWork},
 * or a user's {@link io.hvcluster.campaign.CampaignWork}), the {@link io.hvcluster.campaign.RunRecord} each
 * run leaves, the {@link io.hvcluster.campaign.CampaignSummary} in index order, and the
 * {@link io.hvcluster.campaign.LocalEngine}.
 */
package io.hvcluster.campaign;
