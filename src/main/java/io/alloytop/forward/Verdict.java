package io.alloytop.forward;

import java.util.List;

/** Where verification stands after one look at Alloy. */
public sealed interface Verdict {
    record Ok(String summary, List<String> warnings) implements Verdict {}

    record Pending(String why) implements Verdict {}

    record Failed(String why) implements Verdict {}
}
