package it.piazza.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the figures were measured on: cores, memory, CPU model, disk, JDK. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    m.put("memory", mem == null ? null : Math.round(Long.parseLong(mem.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)
        + " GiB");
    m.put("disk", disk());
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return m;
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  /** The block devices and whether they spin (rotational 0 = SSD or virtual disk). */
  private static String disk() {
    try (var devices = Files.list(Path.of("/sys/block"))) {
      List<String> described = devices.filter(d -> !d.getFileName().toString().startsWith("loop"))
          .map(d -> {
            try {
              long sectors = Long.parseLong(Files.readString(d.resolve("size")).strip());
              String rotational = Files.readString(d.resolve("queue/rotational")).strip();
              return d.getFileName() + " " + Math.round(sectors * 512 / 1e9) + " GB"
                  + (rotational.equals("0") ? " (non-rotational)" : " (rotational)");
            } catch (IOException | NumberFormatException e) {
              return d.getFileName().toString();
            }
          }).toList();
      return String.join(", ", described);
    } catch (IOException e) {
      return null;
    }
  }
}
