package io.alloytop.alloy;

/** One cluster peer from {ui}/api/v0/web/peers (facts §10.1); with clustering off, just the local node. */
public record Peer(String name, String addr, boolean isSelf, String state) {
    public Peer {
        name = name == null ? "" : name;
        addr = addr == null ? "" : addr;
        state = state == null ? "" : state;
    }
}
