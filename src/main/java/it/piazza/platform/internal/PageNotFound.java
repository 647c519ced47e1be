package it.piazza.platform.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a person in a browser gets the error page in their language; a program still gets
 * the problem document.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageNotFound {

  private final Problems problems;

  PageNotFound(Problems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (path.startsWith("/api/") || path.startsWith("/demo/") || accept == null || !accept.contains("text/html")) {
      problems.write(request, response, CommonProblem.NOT_FOUND);
      return null;
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
    page.addObject("status", 404);
    page.addObject("problem", CommonProblem.NOT_FOUND.slug());
    return page;
  }
}
