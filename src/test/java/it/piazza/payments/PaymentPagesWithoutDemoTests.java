package it.piazza.payments;

import static org.assertj.core.api.Assertions.assertThat;

import it.piazza.PiazzaApplication;
import it.piazza.identity.Caller;
import it.piazza.identity.Channel;
import it.piazza.identity.FiscalCode;
import it.piazza.identity.Role;
import it.piazza.support.Api;
import it.piazza.tenancy.TenantId;
import jakarta.servlet.Filter;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Without the demo profile (as in production) nothing pretends to take money: the citizen file's payments have no
 * "Paga" button and no route to post it to, and tell how to pay on pagoPA with the notice number or its QR code.
 * (Nobody can sign in on the built-in page without the demo profile, so the signed-in session is made here.)
 */
@SpringBootTest(classes = PiazzaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Api.class)
class PaymentPagesWithoutDemoTests {

  @Autowired
  Api api;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired
  WebApplicationContext context;

  @Test
  void thereIsNoPayRouteNorDemoSimulator() {
    Set<String> routes = new java.util.HashSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      routes.addAll(info.getPatternValues());
    }
    assertThat(routes).contains("/fascicolo/pagamenti", "/fascicolo/pagamenti/{id}/avviso.pdf")
        .doesNotContain("/fascicolo/pagamenti/{id}/paga", "/demo/payments/{id}/pay");
  }

  @Test
  void thePageTellsHowToPayOnPagoPaAndThePayRouteDoesNotExist() throws Exception {
    FiscalCode payer = PaymentFixtures.person(7301);
    PaymentFixtures payments = new PaymentFixtures(api);
    Api.Response imported = payments.importPosition(payments.administrator("c_b001"), payer, 4_500,
        LocalDate.now(PaymentFixtures.ITALY).plusDays(20), "tari", Map.of());
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    String id = imported.json().get("positions").get(0).get("id").asString();
    String notice = imported.json().get("positions").get(0).get("noticeNumber").asString();

    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
        .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    MockHttpSession session = signedIn(new Caller("citizen-7301", "Contribuente Prova", Caller.Kind.PERSON,
        Optional.of(payer), Set.of(Role.CITIZEN), new TenantId("c_b001"), Optional.empty(), Set.of(),
        Optional.empty(), Channel.ONLINE));

    MvcResult page = mvc.perform(MockMvcRequestBuilders.get("/fascicolo/pagamenti").session(session)
        .accept("text/html")).andReturn();
    assertThat(page.getResponse().getStatus()).isEqualTo(200);
    String html = page.getResponse().getContentAsString();
    assertThat(html).contains(notice).contains("€ 45,00").contains("Da pagare")
        .contains("Si paga su pagoPA").contains("codice avviso " + notice).contains("codice QR")
        .doesNotContain("/paga\"").doesNotContain("Pagamento simulato").doesNotContain("id=\"pay-");

    MvcResult pdf = mvc.perform(MockMvcRequestBuilders.get("/fascicolo/pagamenti/" + id + "/avviso.pdf")
        .session(session)).andReturn();
    assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
    assertThat(pdf.getResponse().getContentType()).startsWith("application/pdf");

    MvcResult pay = mvc.perform(MockMvcRequestBuilders.post("/fascicolo/pagamenti/" + id + "/paga")
        .session(session).accept("text/html").param("_csrf", csrf(html))).andReturn();
    assertThat(pay.getResponse().getStatus()).as("no such page").isEqualTo(404);
    assertThat(api.get("/api/v1/payments/" + id, payments.administrator("c_b001")).json().get("status").asString())
        .isEqualTo("open");
  }

  private static MockHttpSession signedIn(Caller caller) {
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl(new TestingAuthenticationToken(caller, null, Role.CITIZEN.authority())));
    return session;
  }

  private static String csrf(String html) {
    Matcher found = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
    assertThat(found.find()).as("a CSRF token on the page").isTrue();
    return found.group(1);
  }
}
