package dev.menagerie.admin.impl.runtime;

import java.util.List;

/** The components that are not running, behind an interface so commands can be tested without SCR. */
@FunctionalInterface
public interface ComponentInventory {

    List<ComponentIssue> issues();
}
