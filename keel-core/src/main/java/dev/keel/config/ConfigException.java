package dev.keel.config;

/**
 * A mistake in the user's configuration or command line. The message is one line that names what to
 * change; the command line prints it and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
