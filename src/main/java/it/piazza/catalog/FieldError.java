package it.piazza.catalog;

/** One reason application data does not fit a service's form: where (JSON Pointer) and why, in Italian. */
public record FieldError(String pointer, String message) {}
