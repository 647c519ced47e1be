package it.piazza.platform.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.PageController;
import it.piazza.platform.ProblemException;
import it.piazza.platform.ProblemType;
import it.piazza.platform.Problems;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Problems met while serving a page are told on a page, in the visitor's language, with the same titles as the API. */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

  private final Problems problems;

  PageProblems(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ProblemException.class)
  ModelAndView problem(ProblemException e) {
    return page(e.type(), e.detailArguments());
  }

  @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
  ModelAndView denied() {
    return page(CommonProblem.FORBIDDEN, new Object[0]);
  }

  private ModelAndView page(ProblemType type, Object[] args) {
    Locale locale = LocaleContextHolder.getLocale();
    ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(type.status().value()));
    page.addObject("status", type.status().value());
    page.addObject("problem", type.slug());
    page.addObject("problemTitle", problems.message("problem." + type.slug() + ".title", args, locale, type.slug()));
    page.addObject("problemDetail", problems.message("problem." + type.slug() + ".detail", args, locale, null));
    return page;
  }
}
