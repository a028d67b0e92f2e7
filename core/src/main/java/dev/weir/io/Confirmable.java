package dev.weir.io;

/** A dataset ability: it can record that its data was consumed (Kedro's {@code confirm}). */
public interface Confirmable {
  /** Records that the data was consumed. */
  void confirm();
}
