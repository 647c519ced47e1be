package it.piazza.catalog;

/**
 * One reason data does not fit a schema: where (a JSON Pointer, e.g. {@code /child/birthDate}; empty for the whole
 * document) and why, in the language asked for (Italian by default).
 */
public record FieldError(String pointer, String message) {}
