/**
 * A campaign engine on Hazelcast Platform Community: batches run on the members' executor service, results
 * are kept in an {@code IMap} with one backup. Members join only the addresses they are given (TCP/IP join),
 * with multicast, cloud auto-detection and phone-home off, and bind loopback unless told otherwise.
 */
@SuppressWarnings({"module", "requires-automatic", "requires-transitive-automatic"})
module io.hvcluster.grid.hazelcast {
  requires static transitive org.apiguardian.api;
  requires transitive io.hvcluster.campaign;
  requires transitive com.hazelcast.core;
  requires org.slf4j;

  exports io.hvcluster.grid.hazelcast;

  provides io.hvcluster.campaign.spi.CampaignEngineProvider with io.hvcluster.grid.hazelcast.HazelcastProvider;
}
