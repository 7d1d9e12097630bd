package io.alloytop.logs;

/** A reader of Alloy's logs running on its own thread(s) until closed. */
public interface LogSource extends AutoCloseable {
    void start(LogSink sink);

    /** A short description for the UI ("journal: alloy.service", "file: /var/log/alloy.log"). */
    String describe();

    @Override
    void close();
}
