/** The hvcluster command-line tool. */
module io.hvcluster.cli {
  requires io.hvcluster.core;
  requires io.hvcluster.testkit;
  requires io.hvcluster.campaign;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;

  opens io.hvcluster.cli to info.picocli, com.fasterxml.jackson.databind;
}
