/**
 * What an engine implements: {@link io.hvcluster.campaign.spi.CampaignEngine} runs batches at least once and
 * keeps results in a {@link io.hvcluster.campaign.spi.ResultStore} keyed by run index;
 * {@link io.hvcluster.campaign.spi.Batches} is the one batch loop every engine runs on its workers.
 */
package io.hvcluster.campaign.spi;
