package io.hvcluster.core.report;

import io.hvcluster.api.Cluster;
import io.hvcluster.api.HostId;
import io.hvcluster.core.Simulation;
import io.hvcluster.core.TestSpecs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A short eventful run (start, a host crash and its repair, a drain by quick migration) and XML helpers. */
final class ReportFixture {
  final RunRecord record;
  final HostId crashed;
  final String crashedVm;
  final HostId finalHostOfCrashedVm;

  private ReportFixture(long seed) {
    try (Simulation sim = Simulation.builder().seed(seed).build()) {
      Cluster cluster = sim.createCluster(TestSpecs.cluster("R1", io.hvcluster.api.spec.QuorumModel.NODE_AND_DISK_MAJORITY,
          4, 6));
      RunRecorder recorder = RunRecorder.attach(sim, cluster);
      cluster.form();
      cluster.startAllVms();
      sim.runFor(Duration.ofMinutes(3));
      crashedVm = "vm1";
      crashed = cluster.vm(crashedVm).host().orElseThrow();
      sim.faults(cluster).crashHost(crashed);
      sim.runFor(Duration.ofMinutes(4));
      finalHostOfCrashedVm = cluster.vm(crashedVm).host().orElseThrow();
      sim.faults(cluster).powerOnHost(crashed);
      sim.runFor(Duration.ofMinutes(5));
      HostId drained = finalHostOfCrashedVm.equals(HostId.of("node4")) ? HostId.of("node3") : HostId.of("node4");
      cluster.drainNode(drained);
      sim.runFor(Duration.ofMinutes(3));
      record = recorder.finish();
    }
  }

  static ReportFixture run(long seed) {
    return new ReportFixture(seed);
  }

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns the elements of a document with the given local name and a class list containing {@code cls}. */
  static List<Element> byClass(Document doc, String localName, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
        out.add(e);
      }
    }
    return out;
  }

  static Element byId(Document doc, String id) {
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (id.equals(e.getAttribute("id"))) {
        return e;
      }
    }
    throw new AssertionError("no element with id " + id);
  }
}
