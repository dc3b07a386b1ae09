package dev.menagerie.protocol.compat;

import dev.menagerie.protocol.jute.JuteElementReader;
import dev.menagerie.protocol.jute.JuteRecord;

import org.apache.jute.Record;

/** One record with the same field values in our form and in Apache ZooKeeper's, plus our decoder for it. */
record Case(JuteRecord ours, Record theirs, JuteElementReader<? extends JuteRecord> reader) {

    @Override
    public String toString() {
        return ours.getClass().getSimpleName();
    }
}
