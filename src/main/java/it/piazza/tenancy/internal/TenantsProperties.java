package it.piazza.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The comuni declared in configuration ({@code piazza.tenancy.comuni}); they are written to the database at start,
 * so an IT officer adds a comune by adding an entry and restarting.
 */
@ConfigurationProperties("piazza.tenancy")
record TenantsProperties(String defaultTenant, List<Comune> comuni) {

  TenantsProperties {
    comuni = comuni == null ? new ArrayList<>() : comuni;
  }

  record Comune(String id, String name, String istatCode, String fiscalCode, List<String> hosts,
                String primaryColor, String logoUrl) {
    Comune {
      hosts = hosts == null ? List.of() : hosts;
    }
  }
}
