package it.piazza.identity.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 for the API as problems, with the RFC 6750 challenge. */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final Problems problems;

  ProblemSecurityHandlers(Problems problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    boolean badToken = e instanceof InvalidBearerTokenException || e instanceof OAuth2AuthenticationException;
    response.setHeader("WWW-Authenticate", badToken
        ? "Bearer error=\"invalid_token\", error_description=\"The access token is expired, forged or malformed\""
        : "Bearer");
    problems.write(request, response, badToken ? CommonProblem.INVALID_TOKEN : CommonProblem.UNAUTHENTICATED);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    problems.write(request, response, CommonProblem.FORBIDDEN);
  }
}
