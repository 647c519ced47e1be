package it.piazza.issuance.internal;

import it.piazza.identity.Callers;
import it.piazza.platform.PageController;
import it.piazza.platform.ProtectedPages;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Il mio fascicolo", Documenti: the certificates and decisions issued to me and to the people I may act for, read
 * through the same code as {@code GET /api/v1/me/documents} (same access rule, same audit entry), each with its
 * sealed PDF and its public verification page.
 */
@PageController
class DocumentPages {

  private final Callers callers;
  private final MyDocuments documents;

  DocumentPages(Callers callers, MyDocuments documents) {
    this.callers = callers;
    this.documents = documents;
  }

  @GetMapping("/fascicolo/documenti")
  String mine(Model model) {
    model.addAttribute("documents", documents.of(callers.current()));
    return "issuance/mine";
  }

  @GetMapping("/fascicolo/documenti/{id}/documento.pdf")
  ResponseEntity<byte[]> content(@PathVariable UUID id) {
    return documents.content(callers.current(), id);
  }

  @Bean
  static ProtectedPages documentProtectedPages() {
    return ProtectedPages.signedIn("/fascicolo/documenti", "/fascicolo/documenti/**");
  }
}
