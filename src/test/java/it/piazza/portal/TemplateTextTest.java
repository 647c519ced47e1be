package it.piazza.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word a page shows comes from the message bundles (Italian first, English beside it): a template may hold
 * text only as a prototype that {@code th:text} (or a fragment) replaces. Visible attributes too (aria-label, title,
 * alt, placeholder). The few words that are the same in every language are listed here.
 */
class TemplateTextTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  /** Names and symbols, not words to translate: the language names in their own language. */
  private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("ITA", "ENG", ":", "/");
  private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
      "th:remove");
  private static final List<String> VISIBLE_ATTRIBUTES = List.of("aria-label", "title", "alt", "placeholder",
      "value");

  @Test
  void templatesShowNoTextThatBypassesTheBundles() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        hardCoded(Files.readString(file)).forEach(text -> found.add(TEMPLATES.relativize(file) + ": " + text));
      }
    }
    assertThat(found).as("text in templates that does not come from the message bundles").isEmpty();
  }

  @Test
  void aWordWrittenInATemplateIsFoundAndAPrototypeIsNot() {
    assertThat(hardCoded("<main><h1>Servizi online</h1><p th:text=\"#{x}\">Prototipo</p></main>"))
        .containsExactly("<h1> \"Servizi online\"");
    assertThat(hardCoded("<a href=\"/\" aria-label=\"Vai alla home\" th:text=\"#{home}\">Home</a>"))
        .containsExactly("aria-label=\"Vai alla home\"");
    assertThat(hardCoded("<div th:replace=\"~{x :: y}\"><span>Prototipo</span></div><span>ITA</span>")).isEmpty();
  }

  static List<String> hardCoded(String html) {
    List<String> found = new ArrayList<>();
    Document page = Jsoup.parse(html, "", Parser.htmlParser());
    for (Element element : page.getAllElements()) {
      for (TextNode text : element.textNodes()) {
        String words = text.text().strip();
        if (words.codePoints().anyMatch(Character::isLetter) && !replaced(element)
            && !SAME_IN_EVERY_LANGUAGE.contains(words)) {
          found.add("<" + element.tagName() + "> \"" + words + "\"");
        }
      }
      for (String attribute : VISIBLE_ATTRIBUTES) {
        String value = element.attr(attribute);
        boolean shown = !attribute.equals("value")
            || element.tagName().equals("input") && element.attr("type").matches("submit|button|reset");
        if (shown && value.codePoints().anyMatch(Character::isLetter)) {
          found.add(attribute + "=\"" + value + "\"");
        }
      }
    }
    return found;
  }

  /** The element's content is replaced when rendered (itself or an ancestor has th:text, th:replace…). */
  private static boolean replaced(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      for (String attribute : REPLACING) {
        if (e.hasAttr(attribute)) {
          return true;
        }
      }
    }
    return false;
  }
}
