package it.piazza.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The built-in provider's sign-in page: with the demo profile, a list of demo identities to choose from. */
@Controller
class LoginPage {

  private final Accounts accounts;
  private final DemoLogin demoLogin;
  private final it.piazza.tenancy.Tenants tenants;

  LoginPage(Accounts accounts, DemoLogin demoLogin, it.piazza.tenancy.Tenants tenants) {
    this.accounts = accounts;
    this.demoLogin = demoLogin;
    this.tenants = tenants;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("demo", demoLogin.enabled());
    // Each comune's sign-in page (by host name) lists that comune's identities only.
    var tenant = it.piazza.tenancy.CurrentTenant.get();
    var mine = demoLogin.enabled()
        ? accounts.all().stream().filter(a -> a.tenant().equals(tenant)).toList() : java.util.List.<Account>of();
    model.addAttribute("comune", tenants.find(tenant).map(t -> t.name()).orElse(tenant.value()));
    model.addAttribute("people", mine.stream().filter(a -> !a.operator()).toList());
    model.addAttribute("operators", mine.stream().filter(Account::operator).toList());
    return "identity/login";
  }
}
