package it.piazza.catalog.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The catalogue's fixed data: categories and life events, read once at start. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  Categories categories(JsonMapper json) {
    return Categories.fromClasspath(json);
  }
}
