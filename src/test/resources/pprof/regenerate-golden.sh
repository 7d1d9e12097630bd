#!/bin/sh
# Regenerates the reference outputs of `go tool pprof -top` that PprofFixtureTest compares against.
# Run from this directory with Debian's golang-go installed; commit the *.top.txt files it writes.
set -eu
top() { go tool pprof -top -nodecount=0 -nodefraction=0 -edgefraction=0 -symbolize=none "$@"; }
top -unit=ns prometheus-cpu.pb.gz > prometheus-cpu.top.txt
top -cum -unit=ns prometheus-cpu.pb.gz > prometheus-cpu.cum.top.txt
top -sample_index=samples prometheus-cpu.pb.gz > prometheus-cpu.samples.top.txt
for si in inuse_space alloc_space; do top -unit=B -sample_index=$si prometheus-heap.pb.gz > prometheus-heap.$si.top.txt; done
for si in inuse_objects alloc_objects; do top -sample_index=$si prometheus-heap.pb.gz > prometheus-heap.$si.top.txt; done
top prometheus-goroutine.pb.gz > prometheus-goroutine.top.txt
top -unit=B -diff_base=prometheus-heap.pb.gz prometheus-heap-later.pb.gz > prometheus-heap.diff.top.txt
