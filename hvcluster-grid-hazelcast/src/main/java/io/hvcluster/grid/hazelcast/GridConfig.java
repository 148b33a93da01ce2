package io.hvcluster.grid.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.PartitioningStrategyConfig;
import com.hazelcast.partition.strategy.StringPartitioningStrategy;
import io.hvcluster.campaign.spi.GridOptions;

/**
 * The one Hazelcast configuration of a campaign grid: TCP/IP join to the members given (no multicast, no
 * auto-detection, no cloud discovery), bound to the address given, phone-home off, Jet off; one executor
 * with a thread per worker; campaign maps with one synchronous backup. Nothing from the Enterprise
 * edition (no CP subsystem, no SQL, no persistence).
 */
final class GridConfig {
  /** The executor service that runs batches. */
  static final String EXECUTOR = "hvcluster-campaign";
  /** The prefix of every campaign's result map. */
  static final String MAP_PREFIX = "hvcluster-campaign-";
  /** The member attribute that says how many worker threads the member has. */
  static final String THREADS_ATTRIBUTE = "hvcluster.threads";

  private GridConfig() {}

  static Config of(GridOptions options) {
    Config config = new Config();
    config.setClusterName(options.clusterName());
    config.setInstanceName("hvcluster-" + options.bind() + "-" + options.port());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.socket.bind.any", "false");
    // Fewer partitions than the default 271: a campaign map is small (a few bytes a run, 128 runs a block),
    // and a member that joins or leaves migrates a third as many partitions.
    config.setProperty("hazelcast.partition.count", "89");
    // Members join through the list given, so there is nothing to wait for before joining.
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
    // A member that stops answering is dropped after 5 s (the default is 60 s): its batches then go to the
    // others, and a member dropped by mistake costs only a retried batch.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    config.getJetConfig().setEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(false);
    network.setPublicAddress(options.bind() + ":" + options.port());
    network.getInterfaces().setEnabled(true).addInterface(options.bind());
    network.getMemcacheProtocolConfig().setEnabled(false);
    JoinConfig join = network.getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(options.members()).addMember(options.bind() + ":"
        + options.port());
    config.getMemberAttributeConfig().setAttribute(THREADS_ATTRIBUTE, Integer.toString(options.threads()));
    config.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(options.threads()).setQueueCapacity(0)
        .setStatisticsEnabled(false));
    // A block of runs ("INDEX@BLOCK" keys) lives in one partition, so a batch is written in one operation.
    config.addMapConfig(new MapConfig(MAP_PREFIX + "*").setBackupCount(1).setAsyncBackupCount(0)
        .setStatisticsEnabled(false).setPartitioningStrategyConfig(new PartitioningStrategyConfig(
            StringPartitioningStrategy.class.getName())));
    return config;
  }
}
