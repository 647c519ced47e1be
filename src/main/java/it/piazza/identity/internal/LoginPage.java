package it.piazza.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The built-in provider's sign-in page: with the demo profile, a list of demo identities to choose from. */
@Controller
class LoginPage {

  private final Accounts accounts;
  private final DemoLogin demoLogin;

  LoginPage(Accounts accounts, DemoLogin demoLogin) {
    this.accounts = accounts;
    this.demoLogin = demoLogin;
  }

  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("demo", demoLogin.enabled());
    model.addAttribute("accounts", demoLogin.enabled() ? accounts.all() : java.util.List.of());
    return "identity/login";
  }
}
