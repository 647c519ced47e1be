package it.piazza.platform.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers errors raised outside MVC (by the servlet container or filters) as problems too, so that no client ever
 * sees a non-RFC 9457 error body.
 */
@Controller
class ProblemErrorController implements ErrorController {

  private final Problems problems;

  ProblemErrorController(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
        && BodySizeLimitFilter.isTooLarge(thrown)) {
      code = HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
    }
    problems.write(request, response, CommonProblem.forStatus(code));
  }
}
