package it.piazza.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Time and language: Italian legal time (Europe/Rome) for dates and deadlines; Italian first, English second. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

  public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Bean
  Clock clock() {
    return Clock.system(ITALY);
  }

  @Bean
  LocaleResolver localeResolver() {
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setSupportedLocales(List.of(Locale.ITALIAN, Locale.ENGLISH));
    resolver.setDefaultLocale(Locale.ITALIAN);
    return resolver;
  }
}
