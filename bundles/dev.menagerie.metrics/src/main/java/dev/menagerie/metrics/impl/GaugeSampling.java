package dev.menagerie.metrics.impl;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a gauge's supplier; one that fails is left out of this reading so the other metrics are still read. */
final class GaugeSampling {

    private static final Logger LOG = LoggerFactory.getLogger(GaugeSampling.class);

    private GaugeSampling() {
    }

    static <T> T sample(String name, Supplier<? extends T> supplier) {
        try {
            return supplier.get();
        } catch (RuntimeException e) {
            LOG.warn("Gauge {} could not be read and is left out: {}", name, e.toString());
            return null;
        }
    }
}
