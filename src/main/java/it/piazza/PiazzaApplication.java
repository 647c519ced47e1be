package it.piazza;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Piazza: the digital town hall of one or more comuni. */
@SpringBootApplication
public class PiazzaApplication {

  public static void main(String[] args) {
    SpringApplication.run(PiazzaApplication.class, args);
  }
}
