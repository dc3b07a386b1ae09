package dev.menagerie.admin.impl.runtime;

import org.osgi.framework.Bundle;

/**
 * What the status report needs to know about one installed bundle.
 *
 * @param symbolicName the Bundle-SymbolicName, or {@code "bundle#<id>"} for a bundle without one
 * @param state one of the {@link Bundle} state constants
 * @param fragment true when the bundle has a {@code Fragment-Host} header
 */
public record BundleInfo(String symbolicName, int state, boolean fragment) {

    /**
     * True when the bundle is doing its job: ACTIVE, or RESOLVED for a fragment, which can never be started and is
     * attached to its host once resolved.
     */
    public boolean isActive() {
        return state == Bundle.ACTIVE || (fragment && state == Bundle.RESOLVED);
    }

    /** {@code "<symbolic name> <STATE>"}, the form the status report lists inactive bundles in. */
    public String describe() {
        return symbolicName + " " + stateName(state);
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNKNOWN(" + state + ")";
        };
    }
}
