package it.piazza;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
  void writesTheModuleDocumentation() throws IOException {
    Path folder = Path.of("docs/modules");
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    try (Stream<Path> diagrams = Files.list(folder)) {
      for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
        Files.write(diagram, relationsSorted(Files.readAllLines(diagram)));
      }
    }
  }

  /**
   * The documenter writes a diagram's relations in an order that changes from run to run; sorted, the committed
   * diagrams change only when the modules do.
   */
  private static List<String> relationsSorted(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines.size());
    List<String> relations = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("Rel(")) {
        relations.add(line);
        continue;
      }
      relations.sort(null);
      sorted.addAll(relations);
      relations.clear();
      sorted.add(line);
    }
    relations.sort(null);
    sorted.addAll(relations);
    return sorted;
  }
}
