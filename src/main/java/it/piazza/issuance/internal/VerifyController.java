package it.piazza.issuance.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.piazza.platform.ProblemException;
import it.piazza.platform.PublicEndpoints;
import it.piazza.tenancy.CurrentTenant;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/**
 * {@code /verify/{code}}, open to everyone without signing in: a page for people who scanned the QR code, JSON for
 * programs ({@code Accept: application/json}); and the check of a copy (multipart upload, from the page's form or
 * a program). Unknown codes are 404 on both.
 */
@Controller
@Tag(name = "Verification")
class VerifyController {

  private final Verification verification;
  private final MessageSource messages;

  VerifyController(Verification verification, MessageSource messages) {
    this.verification = verification;
    this.messages = messages;
  }

  @GetMapping("/verify")
  String form(@RequestParam(required = false) String code) {
    if (code != null && !code.isBlank()) {
      String canonical = VerificationCode.normalize(code).orElse(code.strip());
      return "redirect:/verify/" + UriUtils.encodePathSegment(canonical, java.nio.charset.StandardCharsets.UTF_8);
    }
    return "issuance/verify-form";
  }

  @GetMapping(path = "/verify/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(summary = "Whether the comune issued a document with this code: kind, title, when, office, SHA-256")
  Verification.Summary json(@PathVariable String code) {
    return verification.lookup(CurrentTenant.get(), code);
  }

  @GetMapping(path = "/verify/{code}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(@PathVariable String code) {
    try {
      return new ModelAndView("issuance/verify", Map.of("document", verification.lookup(CurrentTenant.get(), code)));
    } catch (ProblemException e) {
      return problem(e, code);
    }
  }

  @PostMapping(path = "/verify/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(summary = "Check a copy (multipart: file): valid when it matches the fingerprint and its seal is intact")
  Verification.CopyCheck checkJson(@PathVariable String code, @RequestParam(required = false) MultipartFile file) {
    return verification.check(CurrentTenant.get(), code, file);
  }

  @PostMapping(path = "/verify/{code}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView checkPage(@PathVariable String code, @RequestParam(required = false) MultipartFile file) {
    try {
      Verification.CopyCheck check = verification.check(CurrentTenant.get(), code, file);
      return new ModelAndView("issuance/verify", Map.of("document", check.document(), "check", check));
    } catch (ProblemException e) {
      if (e.type().status() == HttpStatus.NOT_FOUND) {
        return problem(e, code);
      }
      ModelAndView page = new ModelAndView("issuance/verify", HttpStatus.valueOf(e.type().status().value()));
      page.addObject("document", verification.lookup(CurrentTenant.get(), code));
      page.addObject("uploadProblem", message("problem." + e.type().slug() + ".title", e.detailArguments()));
      page.addObject("uploadProblemDetail", message("problem." + e.type().slug() + ".detail", e.detailArguments()));
      return page;
    }
  }

  private ModelAndView problem(ProblemException e, String code) {
    ModelAndView page = new ModelAndView("issuance/verify-form", HttpStatus.valueOf(e.type().status().value()));
    page.addObject("unknownCode", code);
    return page;
  }

  private String message(String key, Object[] args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  /** Open to everyone; a POST here carries no session and changes nothing, so it needs no CSRF token. */
  @Bean
  static PublicEndpoints verifyPublicEndpoints() {
    return PublicEndpoints.get("/verify", "/verify/**");
  }

  @Bean
  static PublicEndpoints verifyPublicChecks() {
    return new PublicEndpoints(HttpMethod.POST, java.util.List.of("/verify/**"));
  }
}
