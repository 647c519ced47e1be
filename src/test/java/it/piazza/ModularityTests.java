package it.piazza;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no module reaches into another's internals, no cycles, only allowed dependencies. */
class ModularityTests {

  private final ApplicationModules modules = ApplicationModules.of(PiazzaApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }
}
