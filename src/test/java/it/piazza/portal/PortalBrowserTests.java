package it.piazza.portal;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.support.Api;
import it.piazza.support.Browser;
import it.piazza.support.PiazzaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal and the back office in a real Chromium: a parent applies for a nursery place for his daughter, the
 * school office asks for more information, the parent answers, the office approves; an operator files an
 * application at the desk. Every page is checked for accessibility and photographed (target/screenshots).
 */
@PiazzaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTests {

  @Autowired
  Api api;

  Browser browser;

  @BeforeAll
  void startChromium() {
    browser = new Browser(api.base());
  }

  @AfterAll
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void signedOut() {
    browser.driver().manage().deleteAllCookies();
  }

  @Test
  void aParentAppliesForANurseryPlaceAndTheSchoolOfficeDecides() throws Exception {
    // The catalogue, searched.
    browser.open("/");
    assertThat(browser.text("h1")).isEqualTo("Servizi online");
    browser.check("01-catalogue");
    browser.type("#q", "nido");
    browser.submit("#catalog-search button[type=submit]");
    assertThat(browser.all("#services li")).hasSize(1);
    browser.submit("#services a");
    assertThat(browser.path()).isEqualTo("/servizi/nursery-enrolment");
    assertThat(browser.text("main")).contains("Scuola e Nidi").contains("60 giorni");
    browser.check("02-service");

    // Applying needs signing in; the sign-in brings the parent back to the form.
    browser.click("#apply");
    browser.check("03-sign-in");
    browser.signInAs("Mario Rossi");
    assertThat(browser.path()).startsWith("/domande/nuova/nursery-enrolment");
    browser.check("04-form");

    // Sent incomplete: the errors stand next to their fields, in Italian.
    tickLabelContaining("Sofia Rossi");
    browser.type("#f-child-firstName", "Sofia");
    browser.type("#f-child-lastName", "Rossi");
    browser.script("document.getElementById('f-child-birthDate').value = '2025-06-10'");
    browser.submit("#submit-application");
    assertThat(browser.text("#error-summary")).contains("La domanda non è stata inviata");
    assertThat(browser.text("#f-vaccinationsCompliant-error")).contains("confermare");
    assertThat(browser.text("#f-schoolYear-error")).contains("obbligatorio");
    assertThat(browser.find("#f-child-fiscalCode").getAttribute("value")).hasSize(16);
    browser.check("05-form-errors");

    // Completed, with the ISEE certificate uploaded with its progress bar, and saved as a draft on the way.
    browser.choose("#f-schoolYear", "2027-2028");
    browser.choose("#f-preferredNursery", "nido-arcobaleno");
    browser.tick("f-attendance-0");
    browser.tick("f-parentsWorking-0");
    browser.tick("f-childResident");
    browser.tick("f-vaccinationsCompliant");
    browser.tick("f-truthfulnessDeclared");
    browser.tick("f-privacyAcknowledged");
    Path isee = Files.createTempFile("isee", ".pdf");
    Files.write(isee, Api.pdf("ISEE di Mario Rossi"));
    browser.find("#att-isee-certificate-file").sendKeys(isee.toString());
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#att-isee-certificate li[data-uploaded]")).isEmpty());
    assertThat(browser.find("#att-isee-certificate .progress-bar").getAttribute("aria-valuenow")).isEqualTo("100");
    browser.click("#save-draft");
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"),
        "Bozza salvata"));
    assertThat(browser.find("#draft-status input[name=draftId]").getAttribute("value")).isNotBlank();
    browser.check("06-form-complete");
    browser.submit("#submit-application");

    // The receipt: protocol number and date, office, deadline.
    assertThat(browser.path()).endsWith("/ricevuta");
    String protocol = browser.text("#protocol-number");
    assertThat(protocol).isNotBlank();
    assertThat(browser.text("#receipt-office")).isEqualTo("Scuola e Nidi");
    assertThat(browser.text("#receipt-deadline")).contains("60 giorni");
    browser.check("07-receipt");
    browser.open("/fascicolo");
    assertThat(browser.text("#applications")).contains(protocol).contains("Protocollata").contains("per Sofia Rossi");
    assertThat(browser.all("#drafts-title")).as("the draft is gone once filed").isEmpty();
    browser.signOut();

    // The school office takes the case and asks for more information.
    browser.open("/ufficio");
    browser.signInAs("Sara Colombo");
    assertThat(browser.path()).startsWith("/ufficio");
    browser.choose("#f-servizio", "nursery-enrolment");
    browser.waiting().until(d -> d.getCurrentUrl().contains("servizio=nursery-enrolment"));
    browser.choose("#f-stato", "registered");
    browser.waiting().until(d -> d.getCurrentUrl().contains("stato=registered"));
    WebElement row = browser.waiting().until(d -> d.findElements(By.xpath(
        "//table//tr[.//a[text()='" + protocol + "']]")).stream().findFirst().orElse(null));
    assertThat(row.getText()).contains("Sofia Rossi").contains("Protocollata");
    browser.check("08-office-queue");
    browser.submit("button[aria-label='Prendi in carico la pratica " + protocol + "']");
    assertThat(browser.text("main .alert-success")).contains("presa in carico");
    assertThat(browser.text("main")).contains("In lavorazione").contains("Dati del bambino o della bambina")
        .contains("Nido preferito");
    String download = browser.find("a[href*='/allegati/']").getAttribute("href");
    assertThat(fetchStatus(download)).isEqualTo(200);
    browser.type("#note", "Verificare ISEE con INPS");
    browser.submit("#add-note");
    browser.type("#reason-request-integration", "Manca la certificazione vaccinale aggiornata.");
    browser.submit("#do-request-integration");
    assertThat(browser.text("main")).contains("In attesa di integrazione").contains("Termine sospeso");
    browser.check("09-office-case");
    browser.signOut();

    // The parent sees the suspended clock and answers with a file.
    browser.open("/fascicolo");
    browser.signInAs("Mario Rossi");
    assertThat(browser.text("#applications")).contains("In attesa di integrazione").contains("Termine sospeso");
    browser.check("10-citizen-file-suspended");
    openByLink("//ul[@id='applications']/li[contains(., '" + protocol + "')]//h3/a");
    assertThat(browser.text("main")).contains("Manca la certificazione vaccinale").doesNotContain("Verificare ISEE");
    browser.type("#answer-text", "Allego il certificato vaccinale.");
    Path certificate = Files.createTempFile("vaccini", ".pdf");
    Files.write(certificate, Api.pdf("Certificato vaccinale di Sofia"));
    browser.find("#att-disability-certificate-file").sendKeys(certificate.toString());
    browser.waiting().until(d -> !d.findElements(By.cssSelector("#att-disability-certificate li[data-uploaded]"))
        .isEmpty());
    browser.check("11-citizen-answer");
    browser.submit("#send-answer");
    assertThat(browser.text("main")).contains("In lavorazione").contains("Integrazione inviata");
    browser.signOut();

    // The office approves.
    browser.open("/ufficio?servizio=nursery-enrolment&stato=in-progress");
    browser.signInAs("Sara Colombo");
    openByLink("//table//a[text()='" + protocol + "']");
    browser.submit("#do-approve");
    assertThat(browser.text("main")).contains("Accolta");
    browser.signOut();

    // The parent sees the approval.
    browser.open("/fascicolo");
    browser.signInAs("Mario Rossi");
    assertThat(browser.text("#applications")).contains(protocol).contains("Accolta");
    browser.check("12-citizen-file-approved");
  }

  @Test
  void anOperatorFilesAnApplicationAtTheDeskForACitizenWhoCameInPerson() {
    browser.open("/ufficio/sportello");
    browser.signInAs("Lucia Esposito");
    browser.check("20-desk");
    browser.choose("#desk-service", "registry-certificate");
    browser.type("#desk-cf", it.piazza.identity.FiscalCode.compute("Bianchi", "Anna",
        java.time.LocalDate.of(1975, 11, 30), true, "F704").value());
    browser.type("#desk-name", "Anna Bianchi");
    browser.submit("#desk-continue");
    assertThat(browser.text("main")).contains("Anna Bianchi");
    browser.choose("#f-certificateType", "residence");
    browser.tick("f-subject-0");
    browser.check("21-desk-form");
    browser.submit("#submit-application");
    assertThat(browser.path()).endsWith("/ricevuta");
    assertThat(browser.text("main")).contains("Allo sportello").contains("Anna Bianchi")
        .contains("Anagrafe e Stato civile");
    browser.check("22-desk-receipt");
  }

  @Test
  void theApplicationFormWorksWithTheKeyboardAlone() {
    browser.open("/domande/nuova/nursery-enrolment");
    browser.signInAs("Mario Rossi");
    // A fresh page: the first Tab reaches the skip link; Enter jumps to the main content.
    browser.open("/domande/nuova/nursery-enrolment");
    Actions keys = new Actions(browser.driver());
    keys.sendKeys(Keys.TAB).perform();
    assertThat(active().getAttribute("class")).contains("skip-link");
    keys.sendKeys(Keys.ENTER).perform();
    browser.waiting().until(d -> d.getCurrentUrl().endsWith("#main"));
    // Tab through the form to a checkbox and tick it with Space.
    tabUntil("f-childResident");
    keys.sendKeys(Keys.SPACE).perform();
    assertThat(browser.find("#f-childResident").isSelected()).isTrue();
    // A radio group is chosen with the arrow keys.
    tabUntil("f-attendance-0");
    keys.sendKeys(Keys.SPACE).perform();
    assertThat(browser.find("#f-attendance-0").isSelected()).isTrue();
    // On to the submit button, and Enter sends the form: the errors come back, linked to their fields.
    tabUntil("submit-application");
    WebElement old = browser.find("html");
    keys.sendKeys(Keys.ENTER).perform();
    browser.waiting().until(ExpectedConditions.stalenessOf(old));
    assertThat(browser.text("#error-summary")).contains("La domanda non è stata inviata");
    assertThat(browser.find("#f-childResident").isSelected()).as("answers are kept").isTrue();
  }

  @Test
  void theLanguageIsChosenOnceAndRemembered() {
    browser.open("/?lang=en");
    assertThat(browser.text("h1")).isEqualTo("Online services");
    assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
    browser.open("/servizi/nursery-enrolment");
    assertThat(browser.text("h1")).isEqualTo("Nursery enrolment");
    browser.check("30-service-english");
    browser.open("/?lang=it");
    assertThat(browser.text("h1")).isEqualTo("Servizi online");
  }

  private void openByLink(String xpath) {
    WebElement old = browser.find("html");
    WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(xpath)));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", link);
    link.click();
    browser.waiting().until(ExpectedConditions.stalenessOf(old));
    browser.ready();
  }

  private WebElement active() {
    return browser.driver().switchTo().activeElement();
  }

  private void tabUntil(String id) {
    Actions keys = new Actions(browser.driver());
    for (int i = 0; i < 80 && !id.equals(active().getAttribute("id")); i++) {
      keys.sendKeys(Keys.TAB).perform();
    }
    assertThat(active().getAttribute("id")).as("reached by Tab").isEqualTo(id);
  }

  private void tickLabelContaining(String text) {
    WebElement label = browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//label[contains(., '" + text + "')]")));
    browser.script("arguments[0].scrollIntoView({block: 'center'})", label);
    label.click();
  }

  private long fetchStatus(String url) {
    Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", url);
    return ((Number) status).longValue();
  }

}
