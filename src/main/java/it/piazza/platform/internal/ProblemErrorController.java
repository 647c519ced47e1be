package it.piazza.platform.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors raised outside MVC (by the servlet container or filters) as problems too, so that no program ever
 * sees a non-RFC 9457 error body; a browser asking for a page gets the error page ({@code templates/error.html}).
 */
@Controller
class ProblemErrorController implements ErrorController {

  private final Problems problems;

  ProblemErrorController(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    problems.write(request, response, CommonProblem.forStatus(status(request)));
  }

  /** A person in a browser who lost their way among the pages gets a page, in their language, not JSON. */
  @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    // Requests the container refuses before routing them (a header over its limit, an encoded slash) arrive here
    // without their URI: only a client that asked for HTML, as browsers do, gets a page.
    String accept = request.getHeader("Accept");
    boolean asksForHtml = accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    if (!asksForHtml || uri instanceof String path && (path.startsWith("/api/") || path.startsWith("/demo/"))) {
      error(request, response);
      return null;
    }
    CommonProblem problem = CommonProblem.forStatus(status(request));
    ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(problem.status().value()));
    page.addObject("problem", problem.slug());
    page.addObject("status", problem.status().value());
    return page;
  }

  private static int status(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
        && BodySizeLimitFilter.isTooLarge(thrown)) {
      code = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
    }
    // A filter (tenant, caller, delegations) that lost the database: say so, as the MVC advice does.
    if (code >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
        && DatabaseUnavailable.isCause(thrown)) {
      code = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
    }
    return code;
  }
}
