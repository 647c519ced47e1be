package it.piazza.platform.internal;

import it.piazza.platform.CommonProblem;
import it.piazza.platform.ProblemType;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any servlet sees them (a header over its size limit, an encoded slash or NUL in
 * the path) are answered by the container's error report. This makes that report an RFC 9457 problem too, like
 * every other answer, instead of Tomcat's HTML page that names the server.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
    });
  }

  /** Writes the generic problem of the status, in Italian unless the request prefers English. */
  public static class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      ProblemType type = CommonProblem.forStatus(status);
      Locale locale = request.getHeader("Accept-Language") != null
          && request.getHeader("Accept-Language").toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
          : Locale.ITALIAN;
      String body = "{\"type\":\"" + type.typeUri() + "\",\"title\":\"" + text(type, "title", locale)
          + "\",\"status\":" + status + ",\"detail\":\"" + text(type, "detail", locale) + "\",\"code\":\""
          + type.slug() + "\"}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", locale.getLanguage());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response was taken: nothing more to tell
      }
    }

    private static String text(ProblemType type, String part, Locale locale) {
      try {
        String pattern = ResourceBundle.getBundle("i18n/problems", locale, ProblemReportValve.class.getClassLoader())
            .getString("problem." + type.slug() + "." + part);
        return MessageFormat.format(pattern, new Object[0]).replace("\\", "\\\\").replace("\"", "\\\"");
      } catch (MissingResourceException missing) {
        return type.slug();
      }
    }
  }
}
