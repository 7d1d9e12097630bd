package io.alloytop.forward;

import io.alloytop.alloy.AlloyApi;
import io.alloytop.alloy.Component;
import io.alloytop.alloy.Result;
import io.alloytop.metrics.MetricsSnapshot;
import java.util.List;

/** The three things a forward run asks of Alloy; every call is blocking and bounded by the client's timeout. */
public interface AlloyPort {
    Result<String> reload();

    Result<List<Component>> components();

    Result<MetricsSnapshot> metrics();

    static AlloyPort of(AlloyApi api) {
        return new AlloyPort() {
            public Result<String> reload() {
                return api.reload();
            }

            public Result<List<Component>> components() {
                return api.allComponents();
            }

            public Result<MetricsSnapshot> metrics() {
                return api.metrics();
            }
        };
    }
}
