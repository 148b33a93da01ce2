/** The hvcluster command-line tool. */
module io.hvcluster.cli {
  requires static transitive org.apiguardian.api;
  requires io.hvcluster.core;
  requires io.hvcluster.testkit;
  requires io.hvcluster.campaign;
  requires io.hvcluster.json;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  opens io.hvcluster.cli to info.picocli, com.fasterxml.jackson.databind;
}
