package it.piazza.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Time and language: Italian legal time (Europe/Rome) for dates and deadlines; Italian first, English second —
 * on pages by choice ({@code ?lang=en}, kept in a cookie), in the API by Accept-Language.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

  public static final ZoneId ITALY = ZoneId.of("Europe/Rome");

  @Bean
  Clock clock() {
    return Clock.system(ITALY);
  }

  @Bean
  LocaleResolver localeResolver() {
    return new LanguageResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).excludePathPatterns("/api/**", "/demo/**");
  }
}
