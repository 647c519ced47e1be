package it.piazza.portal.internal;

import it.piazza.platform.PageController;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portal as an app on a phone's home screen: the web app manifest (named after the comune, in the visitor's
 * language) and the page the service worker shows when there is no network.
 */
@PageController
class InstallableApp {

  private final PortalShell shell;
  private final MessageSource messages;

  InstallableApp(PortalShell shell, MessageSource messages) {
    this.shell = shell;
    this.messages = messages;
  }

  @GetMapping(path = "/manifest.webmanifest")
  ResponseEntity<Map<String, Object>> manifest(Locale locale) {
    Map<String, Object> manifest = Map.of(
        "name", shell.comune(),
        "short_name", messages.getMessage("app.shortName", null, locale),
        "description", messages.getMessage("app.description", new Object[] {shell.comune()}, locale),
        "lang", locale.getLanguage(),
        "start_url", "/",
        "scope", "/",
        "display", "standalone",
        "background_color", "#FFFFFF",
        "theme_color", shell.primaryColor(),
        "icons", List.of(
            Map.of("src", "/icons/icon-192.png", "sizes", "192x192", "type", "image/png"),
            Map.of("src", "/icons/icon-512.png", "sizes", "512x512", "type", "image/png"),
            Map.of("src", "/icons/icon-maskable-512.png", "sizes", "512x512", "type", "image/png",
                "purpose", "maskable")));
    return ResponseEntity.ok().contentType(MediaType.valueOf("application/manifest+json")).body(manifest);
  }

  @GetMapping("/offline")
  String offline() {
    return "portal/offline";
  }
}
