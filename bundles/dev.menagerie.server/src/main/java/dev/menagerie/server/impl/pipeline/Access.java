package dev.menagerie.server.impl.pipeline;

import dev.menagerie.server.impl.audit.AuditLog;
import dev.menagerie.server.impl.auth.AclChecker;
import dev.menagerie.server.impl.auth.ProviderRegistry;

/**
 * Who may do what and the record of what they did: the ACL checks prep and reads make, the authentication
 * providers that interpret ids, and the audit log the answered writes go to.
 */
public record Access(AclChecker acls, ProviderRegistry providers, AuditLog audit) {
}
