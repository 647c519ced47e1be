package it.piazza.catalog.internal;

import it.piazza.catalog.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the catalogue is browsed (catalog/categories.json): the service categories and the life events of the
 * national model of municipal websites (Designers Italia), the same for every comune.
 */
record Categories(List<Label> categories, List<Label> lifeEvents) {

  static final String LOCATION = "catalog/categories.json";

  record Label(String id, Text title) {}

  Categories {
    categories = List.copyOf(categories);
    lifeEvents = List.copyOf(lifeEvents);
  }

  static Categories fromClasspath(JsonMapper json) {
    try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
      JsonNode root = json.readTree(in);
      return new Categories(labels(root.path("categories")), labels(root.path("lifeEvents")));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + LOCATION, e);
    }
  }

  private static List<Label> labels(JsonNode array) {
    List<Label> labels = new ArrayList<>();
    for (JsonNode entry : array) {
      JsonNode title = entry.path("title");
      labels.add(new Label(entry.path("id").asString(), new Text(title.path("it").asString(),
          title.path("en").asString())));
    }
    return labels;
  }

  Optional<Label> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  Optional<Label> lifeEvent(String id) {
    return lifeEvents.stream().filter(e -> e.id().equals(id)).findFirst();
  }
}
