package dev.menagerie.admin.impl.runtime;

import java.util.List;

/** The installed bundles, behind an interface so the commands can be tested without a framework. */
@FunctionalInterface
public interface BundleInventory {

    List<BundleInfo> bundles();
}
