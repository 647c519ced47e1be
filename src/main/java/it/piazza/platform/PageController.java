package it.piazza.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of server-rendered pages (the citizen portal, the back office). Its problems are answered as pages
 * in the visitor's language rather than as application/problem+json, and the page shell is offered to its views.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

  @AliasFor(annotation = Controller.class)
  String value() default "";
}
