package dev.menagerie.admin.impl.runtime;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** Reads the bundles installed in the framework that runs this bundle. */
public final class FrameworkBundleInventory implements BundleInventory {

    private final BundleContext context;

    public FrameworkBundleInventory(BundleContext context) {
        this.context = context;
    }

    @Override
    public List<BundleInfo> bundles() {
        List<BundleInfo> result = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            result.add(new BundleInfo(name != null ? name : "bundle#" + bundle.getBundleId(), bundle.getState(),
                    fragment));
        }
        return result;
    }
}
