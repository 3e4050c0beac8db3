package dev.keel.history;

/** A git problem a user can fix, as one line naming what to do (exit 2 on the command line). */
public final class HistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HistoryException(String message) {
    super(message);
  }
}
