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
      for (Path written : diagrams.toList()) {
        if (written.toString().endsWith(".puml")) {
          Files.write(written, relationsSorted(Files.readAllLines(written)));
        } else if (written.toString().endsWith(".adoc")) {
          Files.write(written, listsSorted(Files.readAllLines(written)));
        }
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

  /** The same for a canvas's lists (a table cell {@code |* a} followed by {@code * b} lines). */
  private static List<String> listsSorted(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines.size());
    List<String> items = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("|* ") || (!items.isEmpty() && line.startsWith("* "))) {
        if (line.startsWith("|* ")) {
          flushItems(items, sorted);
        }
        items.add(line.substring(line.indexOf('*')));
        continue;
      }
      flushItems(items, sorted);
      sorted.add(line);
    }
    flushItems(items, sorted);
    return sorted;
  }

  private static void flushItems(List<String> items, List<String> sorted) {
    items.sort(null);
    for (int i = 0; i < items.size(); i++) {
      sorted.add(i == 0 ? "|" + items.get(i) : items.get(i));
    }
    items.clear();
  }
}
