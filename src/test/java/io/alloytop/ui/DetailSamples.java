package io.alloytop.ui;

/** alloyjson bodies from facts §2.5, plus a secret capsule. */
final class DetailSamples {
    private DetailSamples() {}

    static final String SCRAPE_ARGS = """
        [
          { "name": "targets", "type": "attr",
            "value": { "type": "array", "value": [
                { "type": "object", "value": [
                    { "key": "__address__", "value": { "type": "string", "value": "alloy.internal:12345" } },
                    { "key": "job", "value": { "type": "string", "value": "integrations/unix" } } ] } ] } },
          { "name": "forward_to", "type": "attr",
            "value": { "type": "array", "value": [ { "type": "capsule", "value": "prometheus.remote_write.default.receiver" } ] } },
          { "name": "scrape_interval", "type": "attr", "value": { "type": "string", "value": "15s" } },
          { "name": "password", "type": "attr", "value": { "type": "capsule", "value": "(secret)" } },
          { "name": "evil", "type": "attr", "value": { "type": "string", "value": "a\\u001b]0;pwned\\u0007b" } }
        ]""";

    static final String SCRAPE_DEBUG = """
        [
          { "name": "target", "type": "block", "body": [
              { "name": "job", "type": "attr", "value": { "type": "string", "value": "prometheus.scrape.default" } },
              { "name": "health", "type": "attr", "value": { "type": "string", "value": "up" } },
              { "name": "labels", "type": "attr", "value": { "type": "object", "value": [
                  { "key": "instance", "value": { "type": "string", "value": "web-01" } } ] } },
              { "name": "last_scrape_duration", "type": "attr", "value": { "type": "string", "value": "38.412ms" } } ] }
        ]""";
}
