package io.alloytop.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go function names and stacks as they appear in a real Alloy's profiles (runtime, net/http,
 * Prometheus scrape/remote-write, Loki client, OTel batch processor, Alloy's controller), so the
 * profile views have something believable to rank.
 */
final class GoStacks {
    private static final String GOROOT = "/usr/local/go/src/";
    private static final String ALLOY = "/src/alloy/";
    private static final String PROM = "/go/pkg/mod/github.com/prometheus/prometheus@v0.305.0/";
    private static final Map<String, PprofProfile.Func> FUNCS = new LinkedHashMap<>();

    static {
        f("runtime.goexit", GOROOT + "runtime/asm_amd64.s", 1700);
        f("runtime.gopark", GOROOT + "runtime/proc.go", 435);
        f("runtime.selectgo", GOROOT + "runtime/select.go", 121);
        f("runtime.chanrecv", GOROOT + "runtime/chan.go", 510);
        f("runtime.chanrecv1", GOROOT + "runtime/chan.go", 506);
        f("runtime.netpollblock", GOROOT + "runtime/netpoll.go", 575);
        f("internal/poll.runtime_pollWait", GOROOT + "runtime/netpoll.go", 351);
        f("internal/poll.(*pollDesc).wait", GOROOT + "internal/poll/fd_poll_runtime.go", 84);
        f("internal/poll.(*FD).Read", GOROOT + "internal/poll/fd_unix.go", 141);
        f("net.(*netFD).Read", GOROOT + "net/fd_posix.go", 68);
        f("net.(*conn).Read", GOROOT + "net/net.go", 194);
        f("bufio.(*Reader).Peek", GOROOT + "bufio/bufio.go", 145);
        f("net/http.(*conn).serve", GOROOT + "net/http/server.go", 2010);
        f("net/http.serverHandler.ServeHTTP", GOROOT + "net/http/server.go", 3300);
        f("net/http.(*persistConn).readLoop", GOROOT + "net/http/transport.go", 2200);
        f("net/http.(*persistConn).writeLoop", GOROOT + "net/http/transport.go", 2500);
        f("github.com/gorilla/mux.(*Router).ServeHTTP", "/go/pkg/mod/github.com/gorilla/mux@v1.8.1/mux.go", 180);
        f("runtime.mallocgc", GOROOT + "runtime/malloc.go", 1010);
        f("runtime.newobject", GOROOT + "runtime/malloc.go", 1710);
        f("runtime.makeslice", GOROOT + "runtime/slice.go", 92);
        f("runtime.growslice", GOROOT + "runtime/slice.go", 155);
        f("runtime.mapassign_faststr", GOROOT + "internal/runtime/maps/runtime_faststr.go", 256);
        f("runtime.memmove", GOROOT + "runtime/memmove_amd64.s", 35);
        f("runtime.scanobject", GOROOT + "runtime/mgcmark.go", 1400);
        f("runtime.gcDrain", GOROOT + "runtime/mgcmark.go", 1100);
        f("runtime.gcBgMarkWorker.func2", GOROOT + "runtime/mgc.go", 1480);
        f("runtime.systemstack", GOROOT + "runtime/asm_amd64.s", 514);
        f("runtime.gcBgMarkWorker", GOROOT + "runtime/mgc.go", 1400);
        f("runtime.futex", GOROOT + "runtime/sys_linux_amd64.s", 557);
        f("runtime.notesleep", GOROOT + "runtime/lock_futex.go", 150);
        f("runtime.stopm", GOROOT + "runtime/proc.go", 1870);
        f("runtime.findRunnable", GOROOT + "runtime/proc.go", 3300);
        f("runtime.schedule", GOROOT + "runtime/proc.go", 4000);
        f("runtime.park_m", GOROOT + "runtime/proc.go", 4100);
        f("runtime.mcall", GOROOT + "runtime/asm_amd64.s", 458);
        f("runtime.newm", GOROOT + "runtime/proc.go", 2780);
        f("runtime.startm", GOROOT + "runtime/proc.go", 2990);
        f("runtime.handoffp", GOROOT + "runtime/proc.go", 3050);
        f("sync.(*Mutex).Unlock", GOROOT + "sync/mutex.go", 219);
        f("sync.(*Mutex).Lock", GOROOT + "sync/mutex.go", 81);
        f("sync.(*RWMutex).RUnlock", GOROOT + "sync/rwmutex.go", 111);
        f("sync.(*WaitGroup).Wait", GOROOT + "sync/waitgroup.go", 110);
        f("syscall.Syscall", GOROOT + "syscall/syscall_linux.go", 73);
        f("syscall.read", GOROOT + "syscall/zsyscall_linux_amd64.go", 721);
        f("compress/flate.(*compressor).deflate", GOROOT + "compress/flate/deflate.go", 399);
        f("compress/flate.(*compressor).write", GOROOT + "compress/flate/deflate.go", 545);
        f("compress/gzip.(*Writer).Write", GOROOT + "compress/gzip/gzip.go", 196);
        f("github.com/klauspost/compress/s2.encodeBlockSnappyGo", "/go/pkg/mod/github.com/klauspost/compress@v1.18.0/s2/encode_go.go", 560);
        f("github.com/golang/snappy.Encode", "/go/pkg/mod/github.com/golang/snappy@v1.0.0/encode.go", 22);
        f("github.com/prometheus/prometheus/model/textparse.(*PromParser).Next", PROM + "model/textparse/promparse.go", 400);
        f("github.com/prometheus/prometheus/model/labels.(*ScratchBuilder).Labels", PROM + "model/labels/labels_stringlabels.go", 640);
        f("github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", PROM + "scrape/scrape.go", 1680);
        f("github.com/prometheus/prometheus/scrape.(*scrapeLoop).scrapeAndReport", PROM + "scrape/scrape.go", 1380);
        f("github.com/prometheus/prometheus/scrape.(*scrapeLoop).run", PROM + "scrape/scrape.go", 1290);
        f("github.com/prometheus/prometheus/scrape.(*targetScraper).readResponse", PROM + "scrape/scrape.go", 800);
        f("github.com/prometheus/prometheus/storage/remote.(*shards).runShard", PROM + "storage/remote/queue_manager.go", 1560);
        f("github.com/prometheus/prometheus/storage/remote.(*shards).sendSamples", PROM + "storage/remote/queue_manager.go", 1720);
        f("github.com/prometheus/prometheus/storage/remote.buildWriteRequest", PROM + "storage/remote/queue_manager.go", 2000);
        f("github.com/prometheus/prometheus/storage/remote.(*Client).Store", PROM + "storage/remote/client.go", 230);
        f("github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).readSegment", PROM + "tsdb/wlog/watcher.go", 520);
        f("github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).watch", PROM + "tsdb/wlog/watcher.go", 380);
        f("github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).loop", PROM + "tsdb/wlog/watcher.go", 270);
        f("github.com/prometheus/prometheus/tsdb/record.(*Encoder).Samples", PROM + "tsdb/record/record.go", 680);
        f("github.com/grafana/alloy/internal/component/prometheus.(*Fanout).Appender", ALLOY + "internal/component/prometheus/fanout.go", 70);
        f("github.com/grafana/alloy/internal/component/prometheus.(*appender).Append", ALLOY + "internal/component/prometheus/fanout.go", 150);
        f("github.com/grafana/alloy/internal/component/prometheus.(*appender).Commit", ALLOY + "internal/component/prometheus/fanout.go", 180);
        f("github.com/grafana/alloy/internal/component/prometheus/relabel.(*Component).relabel", ALLOY + "internal/component/prometheus/relabel/relabel.go", 250);
        f("github.com/grafana/alloy/internal/component/prometheus/remotewrite.(*Component).Run", ALLOY + "internal/component/prometheus/remotewrite/remote_write.go", 180);
        f("github.com/grafana/alloy/internal/static/metrics/wal.(*appender).Append", ALLOY + "internal/static/metrics/wal/wal.go", 740);
        f("github.com/grafana/alloy/internal/static/metrics/wal.(*appender).Commit", ALLOY + "internal/static/metrics/wal/wal.go", 880);
        f("github.com/grafana/alloy/internal/component/prometheus/scrape.(*Component).Run", ALLOY + "internal/component/prometheus/scrape/scrape.go", 330);
        f("github.com/grafana/alloy/internal/component/common/loki/client.(*client).run", ALLOY + "internal/component/common/loki/client/client.go", 290);
        f("github.com/grafana/alloy/internal/component/common/loki/client.(*client).sendBatch", ALLOY + "internal/component/common/loki/client/client.go", 380);
        f("github.com/grafana/alloy/internal/component/common/loki/client.(*batch).encode", ALLOY + "internal/component/common/loki/client/batch.go", 120);
        f("github.com/grafana/alloy/internal/component/loki/source/journal.(*Component).Run", ALLOY + "internal/component/loki/source/journal/journal.go", 120);
        f("github.com/grafana/alloy/internal/component/loki/source/journal/internal/target.(*JournalTarget).process", ALLOY + "internal/component/loki/source/journal/internal/target/journaltarget.go", 330);
        f("github.com/coreos/go-systemd/v22/sdjournal.(*JournalReader).Follow", "/go/pkg/mod/github.com/coreos/go-systemd/v22@v22.6.0/sdjournal/read.go", 240);
        f("github.com/grafana/alloy/internal/component/loki/process.(*Component).handleIn", ALLOY + "internal/component/loki/process/process.go", 200);
        f("github.com/grafana/alloy/internal/component/loki/process/stages.(*Pipeline).Wrap.func1", ALLOY + "internal/component/loki/process/stages/pipeline.go", 140);
        f("github.com/go-logfmt/logfmt.(*Decoder).ScanKeyval", "/go/pkg/mod/github.com/go-logfmt/logfmt@v0.6.0/decode.go", 72);
        f("github.com/grafana/alloy/internal/component/pyroscope/scrape.(*scrapeLoop).scrape", ALLOY + "internal/component/pyroscope/scrape/scrape_loop.go", 230);
        f("github.com/grafana/alloy/internal/component/pyroscope/write.(*fanOutClient).Push", ALLOY + "internal/component/pyroscope/write/write.go", 260);
        f("go.opentelemetry.io/collector/processor/batchprocessor.(*shard[...]).startLoop", "/go/pkg/mod/go.opentelemetry.io/collector/processor/batchprocessor@v0.134.0/batch_processor.go", 240);
        f("go.opentelemetry.io/collector/exporter/exporterhelper/internal/queuebatch.(*asyncQueue[...]).Start.func1", "/go/pkg/mod/go.opentelemetry.io/collector/exporter@v0.134.0/exporterhelper/internal/queuebatch/async_queue.go", 45);
        f("google.golang.org/grpc/internal/transport.(*http2Client).reader", "/go/pkg/mod/google.golang.org/grpc@v1.75.0/internal/transport/http2_client.go", 1640);
        f("google.golang.org/protobuf/proto.MarshalOptions.marshal", "/go/pkg/mod/google.golang.org/protobuf@v1.36.8/proto/encode.go", 185);
        f("github.com/grafana/alloy/internal/runtime/internal/controller.(*BuiltinComponentNode).Run", ALLOY + "internal/runtime/internal/controller/node_builtin_component.go", 300);
        f("github.com/grafana/alloy/internal/runtime/internal/controller.(*Scheduler).Synchronize.func1", ALLOY + "internal/runtime/internal/controller/scheduler.go", 110);
        f("github.com/grafana/alloy/internal/runtime/internal/controller.(*Loader).EvaluateDependants", ALLOY + "internal/runtime/internal/controller/loader.go", 730);
        f("github.com/grafana/alloy/internal/runtime.(*Runtime).Run", ALLOY + "internal/runtime/alloy.go", 260);
        f("github.com/grafana/alloy/internal/service/http.(*Service).Run.func3", ALLOY + "internal/service/http/http.go", 240);
        f("github.com/prometheus/client_golang/prometheus.(*Registry).Gather", "/go/pkg/mod/github.com/prometheus/client_golang@v1.24.1/prometheus/registry.go", 410);
        f("github.com/prometheus/client_golang/prometheus/promhttp.HandlerForTransactional.func1", "/go/pkg/mod/github.com/prometheus/client_golang@v1.24.1/prometheus/promhttp/http.go", 140);
        f("github.com/prometheus/common/expfmt.MetricFamilyToText", "/go/pkg/mod/github.com/prometheus/common@v0.70.1/expfmt/text_create.go", 65);
        f("github.com/prometheus/node_exporter/collector.NodeCollector.Collect.func1", "/go/pkg/mod/github.com/prometheus/node_exporter@v1.9.1/collector/collector.go", 150);
        f("github.com/prometheus/procfs.FS.Stat", "/go/pkg/mod/github.com/prometheus/procfs@v0.17.0/stat.go", 190);
    }

    private GoStacks() {}

    private static void f(String name, String file, long line) {
        FUNCS.put(name, new PprofProfile.Func(name, file, line));
    }

    /** Leaf first; every name must be in the catalog. */
    static List<PprofProfile.Func> stack(String... names) {
        List<PprofProfile.Func> out = new ArrayList<>();
        for (String n : names) {
            PprofProfile.Func fn = FUNCS.get(n);
            if (fn == null) throw new IllegalArgumentException("unknown Go function " + n);
            out.add(fn);
        }
        return out;
    }

    private static DemoPprof.Weighted w(double weight, String... names) {
        return new DemoPprof.Weighted(stack(names), weight);
    }

    private static final String SCRAPE_RUN = "github.com/prometheus/prometheus/scrape.(*scrapeLoop).run";
    private static final String SCRAPE_REPORT = "github.com/prometheus/prometheus/scrape.(*scrapeLoop).scrapeAndReport";
    private static final String SHARD = "github.com/prometheus/prometheus/storage/remote.(*shards).runShard";
    private static final String SEND = "github.com/prometheus/prometheus/storage/remote.(*shards).sendSamples";
    private static final String LOKI_RUN = "github.com/grafana/alloy/internal/component/common/loki/client.(*client).run";
    private static final String HTTP_SERVE = "net/http.(*conn).serve";
    private static final String GOEXIT = "runtime.goexit";

    static List<DemoPprof.Weighted> cpu() {
        return List.of(
                w(18, "github.com/prometheus/prometheus/model/textparse.(*PromParser).Next", "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(9, "github.com/prometheus/prometheus/model/labels.(*ScratchBuilder).Labels", "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(11, "github.com/grafana/alloy/internal/static/metrics/wal.(*appender).Append", "github.com/grafana/alloy/internal/component/prometheus.(*appender).Append", "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(6, "github.com/prometheus/prometheus/tsdb/record.(*Encoder).Samples", "github.com/grafana/alloy/internal/static/metrics/wal.(*appender).Commit", "github.com/grafana/alloy/internal/component/prometheus.(*appender).Commit", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(7, "github.com/golang/snappy.Encode", "github.com/prometheus/prometheus/storage/remote.buildWriteRequest", SEND, SHARD, GOEXIT),
                w(5, "google.golang.org/protobuf/proto.MarshalOptions.marshal", "github.com/prometheus/prometheus/storage/remote.buildWriteRequest", SEND, SHARD, GOEXIT),
                w(6, "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).readSegment", "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).watch", "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).loop", GOEXIT),
                w(8, "runtime.scanobject", "runtime.gcDrain", "runtime.gcBgMarkWorker.func2", "runtime.systemstack", "runtime.gcBgMarkWorker", GOEXIT),
                w(5, "runtime.mallocgc", "runtime.growslice", "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(4, "compress/flate.(*compressor).deflate", "compress/flate.(*compressor).write", "compress/gzip.(*Writer).Write", "github.com/prometheus/common/expfmt.MetricFamilyToText",
                        "github.com/prometheus/client_golang/prometheus/promhttp.HandlerForTransactional.func1", "github.com/gorilla/mux.(*Router).ServeHTTP", "net/http.serverHandler.ServeHTTP", HTTP_SERVE, GOEXIT),
                w(3, "github.com/prometheus/client_golang/prometheus.(*Registry).Gather", "github.com/prometheus/client_golang/prometheus/promhttp.HandlerForTransactional.func1",
                        "github.com/gorilla/mux.(*Router).ServeHTTP", "net/http.serverHandler.ServeHTTP", HTTP_SERVE, GOEXIT),
                w(4, "github.com/go-logfmt/logfmt.(*Decoder).ScanKeyval", "github.com/grafana/alloy/internal/component/loki/process/stages.(*Pipeline).Wrap.func1",
                        "github.com/grafana/alloy/internal/component/loki/process.(*Component).handleIn", GOEXIT),
                w(3, "github.com/grafana/alloy/internal/component/common/loki/client.(*batch).encode", "github.com/grafana/alloy/internal/component/common/loki/client.(*client).sendBatch", LOKI_RUN, GOEXIT),
                w(3, "syscall.Syscall", "syscall.read", "github.com/grafana/alloy/internal/component/loki/source/journal/internal/target.(*JournalTarget).process",
                        "github.com/coreos/go-systemd/v22/sdjournal.(*JournalReader).Follow", GOEXIT),
                w(3, "github.com/prometheus/procfs.FS.Stat", "github.com/prometheus/node_exporter/collector.NodeCollector.Collect.func1", GOEXIT),
                w(4, "runtime.futex", "runtime.notesleep", "runtime.stopm", "runtime.findRunnable", "runtime.schedule", "runtime.park_m", "runtime.mcall"),
                w(2, "go.opentelemetry.io/collector/processor/batchprocessor.(*shard[...]).startLoop", GOEXIT),
                w(1, "github.com/grafana/alloy/internal/component/pyroscope/scrape.(*scrapeLoop).scrape", GOEXIT));
    }

    /** Go records heap stacks from the allocating caller, so malloc internals are not leaves here. */
    static List<DemoPprof.Weighted> heap() {
        return List.of(
                w(22, "github.com/grafana/alloy/internal/static/metrics/wal.(*appender).Append",
                        "github.com/grafana/alloy/internal/component/prometheus.(*appender).Append", "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(16, "runtime.mapassign_faststr", "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(12, "github.com/prometheus/prometheus/storage/remote.buildWriteRequest", SEND, SHARD, GOEXIT),
                w(9, "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).readSegment", "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).watch",
                        "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).loop", GOEXIT),
                w(7, "github.com/prometheus/prometheus/model/labels.(*ScratchBuilder).Labels",
                        "github.com/prometheus/prometheus/scrape.(*scrapeLoop).append", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(5, "github.com/grafana/alloy/internal/component/common/loki/client.(*batch).encode",
                        "github.com/grafana/alloy/internal/component/common/loki/client.(*client).sendBatch", LOKI_RUN, GOEXIT),
                w(4, "bufio.(*Reader).Peek", HTTP_SERVE, GOEXIT),
                w(3, "github.com/prometheus/client_golang/prometheus.(*Registry).Gather",
                        "github.com/prometheus/client_golang/prometheus/promhttp.HandlerForTransactional.func1", "github.com/gorilla/mux.(*Router).ServeHTTP", "net/http.serverHandler.ServeHTTP", HTTP_SERVE, GOEXIT),
                w(2, "google.golang.org/grpc/internal/transport.(*http2Client).reader", GOEXIT));
    }

    static List<DemoPprof.Weighted> goroutine() {
        return List.of(
                w(30, "runtime.gopark", "runtime.selectgo", SCRAPE_RUN, GOEXIT),
                w(22, "runtime.gopark", "runtime.selectgo", SHARD, GOEXIT),
                w(20, "runtime.gopark", "runtime.selectgo", "github.com/grafana/alloy/internal/runtime/internal/controller.(*BuiltinComponentNode).Run",
                        "github.com/grafana/alloy/internal/runtime/internal/controller.(*Scheduler).Synchronize.func1", GOEXIT),
                w(12, "runtime.gopark", "runtime.netpollblock", "internal/poll.runtime_pollWait", "internal/poll.(*pollDesc).wait", "internal/poll.(*FD).Read",
                        "net.(*netFD).Read", "net.(*conn).Read", "net/http.(*persistConn).readLoop", GOEXIT),
                w(12, "runtime.gopark", "runtime.selectgo", "net/http.(*persistConn).writeLoop", GOEXIT),
                w(6, "runtime.gopark", "runtime.selectgo", LOKI_RUN, GOEXIT),
                w(6, "runtime.gopark", "runtime.selectgo", "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).watch", "github.com/prometheus/prometheus/tsdb/wlog.(*Watcher).loop", GOEXIT),
                w(4, "runtime.gopark", "runtime.netpollblock", "internal/poll.runtime_pollWait", "internal/poll.(*pollDesc).wait", "internal/poll.(*FD).Read",
                        "net.(*netFD).Read", "net.(*conn).Read", "bufio.(*Reader).Peek", HTTP_SERVE, GOEXIT),
                w(3, "runtime.gopark", "runtime.selectgo", "go.opentelemetry.io/collector/processor/batchprocessor.(*shard[...]).startLoop", GOEXIT),
                w(2, "runtime.gopark", "runtime.chanrecv", "runtime.chanrecv1", "github.com/grafana/alloy/internal/component/loki/source/journal.(*Component).Run", GOEXIT),
                w(1, "runtime.gopark", "runtime.selectgo", "github.com/grafana/alloy/internal/runtime.(*Runtime).Run", GOEXIT));
    }

    static List<DemoPprof.Weighted> mutex() {
        return List.of(
                w(5, "sync.(*Mutex).Unlock", "github.com/grafana/alloy/internal/static/metrics/wal.(*appender).Commit",
                        "github.com/grafana/alloy/internal/component/prometheus.(*appender).Commit", SCRAPE_REPORT, SCRAPE_RUN, GOEXIT),
                w(3, "sync.(*RWMutex).RUnlock", "github.com/grafana/alloy/internal/runtime/internal/controller.(*Loader).EvaluateDependants", GOEXIT),
                w(2, "sync.(*Mutex).Unlock", "github.com/prometheus/prometheus/storage/remote.(*shards).sendSamples", SHARD, GOEXIT));
    }

    static List<DemoPprof.Weighted> block() {
        return List.of(
                w(6, "runtime.selectgo", SCRAPE_RUN, GOEXIT),
                w(4, "runtime.selectgo", SHARD, GOEXIT),
                w(3, "runtime.chanrecv1", "github.com/grafana/alloy/internal/component/loki/source/journal.(*Component).Run", GOEXIT),
                w(2, "sync.(*WaitGroup).Wait", "github.com/grafana/alloy/internal/runtime/internal/controller.(*Loader).EvaluateDependants", GOEXIT));
    }
}
