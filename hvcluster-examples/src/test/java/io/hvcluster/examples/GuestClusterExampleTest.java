package io.hvcluster.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.api.VmId;
import org.junit.jupiter.api.Test;

final class GuestClusterExampleTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void theGuestClusterMovesSqlServerInSecondsWhileTheHostClusterRebootsTheLostNode() throws Exception {
    GuestClusterExample.Outcome o = GuestClusterExample.run(42);
    assertThat(o.failovers()).hasSize(1);
    assertThat(o.failovers().get(0).from()).contains(VmId.of("sql1"));
    assertThat(o.failovers().get(0).to()).contains(VmId.of("sql2"));
    assertThat(o.guestFailoverNanos()).isPositive().isLessThanOrEqualTo(20 * SECOND);
    assertThat(o.sql1BackNanos()).isGreaterThan(60 * SECOND).isGreaterThan(3 * o.guestFailoverNanos());
    assertThat(Mains.stdout(() -> GuestClusterExample.main(new String[0])))
        .startsWith("hv1 lost power under sql1, the active guest node")
        .contains("SQL Server ran again on sql2 after 15.0 s");
  }
}
