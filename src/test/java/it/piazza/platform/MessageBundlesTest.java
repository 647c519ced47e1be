package it.piazza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message goes through MessageFormat (spring.messages.always-use-message-format), so an apostrophe must be
 * written twice: a single one would silently swallow text ("l'elenco" would read "lelenco").
 */
class MessageBundlesTest {

  @Test
  void everyApostropheIsEscapedAndEveryMessageFormats() throws IOException {
    List<String> broken = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
          messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String key : messages.stringPropertyNames()) {
          String value = messages.getProperty(key);
          if (value.matches(".*(?<!')'(?!').*")) {
            broken.add(file.getFileName() + ": " + key);
          }
          String formatted = new MessageFormat(value, Locale.ITALIAN).format(new Object[] {"a", "b", "c"});
          assertThat(formatted).as(key).doesNotContain("''");
        }
      }
    }
    assertThat(broken).as("messages with a single apostrophe").isEmpty();
  }

  @Test
  void everyItalianMessageHasAnEnglishOne() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
      for (Path italian : files.filter(f -> f.toString().endsWith(".properties") && !f.toString().endsWith("_en"
          + ".properties")).toList()) {
        Path english = Path.of(italian.toString().replace(".properties", "_en.properties"));
        Properties it = load(italian);
        Properties en = load(english);
        assertThat(en.stringPropertyNames()).as(english.toString()).containsAll(it.stringPropertyNames());
      }
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }
}
