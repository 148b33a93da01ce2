package io.hvcluster.testkit.engine;

import io.hvcluster.api.HostId;
import io.hvcluster.api.VmId;
import io.hvcluster.testkit.fault.ClusterServiceCrash;
import io.hvcluster.testkit.fault.DurationText;
import io.hvcluster.testkit.fault.Fault;
import io.hvcluster.testkit.fault.GuestHang;
import io.hvcluster.testkit.fault.HostCrash;
import io.hvcluster.testkit.fault.HostHang;
import io.hvcluster.testkit.fault.PowerLoss;
import io.hvcluster.testkit.fault.VmCrash;
import io.hvcluster.testkit.fault.VmStartFailure;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies host and VM faults: crashes, power loss, hangs, cluster-service crashes, VM crashes, failing VM
 * starts, hung guests.
 */
final class HostFaults {
  private HostFaults() {}

  /** Applies the fault if it is a host or VM fault; returns null otherwise. */
  static Applied apply(Fault f, Nemesis n, RandomGenerator r) {
    Primitives p = n.primitives();
    if (f instanceof HostCrash || f instanceof PowerLoss) {
      List<HostId> hosts = f instanceof HostCrash ? ((HostCrash) f).hosts().resolve(p.cluster(), r)
          : ((PowerLoss) f).hosts().resolve(p.cluster(), r);
      hosts.forEach(p::crash);
      return new Applied(Nemesis.names(hosts) + " lost power", healPhase -> {
        hosts.forEach(p::powerOn);
        return Nemesis.names(hosts) + " powered on";
      });
    }
    if (f instanceof HostHang) {
      List<HostId> hosts = ((HostHang) f).hosts().resolve(p.cluster(), r);
      hosts.forEach(p::hang);
      return new Applied(Nemesis.names(hosts) + " hung", healPhase -> {
        hosts.forEach(p::resume);
        return Nemesis.names(hosts) + " resumed";
      });
    }
    if (f instanceof ClusterServiceCrash) {
      List<HostId> hosts = ((ClusterServiceCrash) f).hosts().resolve(p.cluster(), r);
      hosts.forEach(p::crashService);
      return new Applied("cluster service of " + Nemesis.names(hosts) + " crashed (kept down until healed)",
          healPhase -> {
            hosts.forEach(p::releaseService);
            return "cluster service of " + Nemesis.names(hosts) + " may restart";
          });
    }
    if (f instanceof VmCrash) {
      List<VmId> vms = ((VmCrash) f).vms().resolve(p.cluster(), r);
      vms.forEach(vm -> p.faults().crashVm(vm));
      return Applied.instant("worker process of " + Nemesis.names(vms) + " crashed");
    }
    if (f instanceof VmStartFailure) {
      VmStartFailure s = (VmStartFailure) f;
      List<VmId> vms = s.vms().resolve(p.cluster(), r);
      vms.forEach(vm -> p.faults().failNextStarts(vm, s.starts(), s.after()));
      return Applied.instant("the next " + (s.starts() == 1 ? "start" : s.starts() + " starts") + " of "
          + Nemesis.names(vms) + " fail after " + DurationText.format(s.after()));
    }
    if (f instanceof GuestHang) {
      List<VmId> vms = ((GuestHang) f).vms().resolve(p.cluster(), r);
      vms.forEach(p::hangGuest);
      return new Applied("guest OS of " + Nemesis.names(vms) + " hung", healPhase -> {
        vms.forEach(p::resumeGuest);
        return "guest OS of " + Nemesis.names(vms) + " resumed";
      });
    }
    return null;
  }
}
