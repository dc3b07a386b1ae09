package dev.menagerie.server.impl.op;

import dev.menagerie.server.impl.tree.ProcessTxnResult;

/** Where an answered write writes its audit lines, one per operation, as Apache's audit log has them. */
public interface AuditTrail {

    /**
     * @param path the path the client asked for when the write failed, the one it touched when it went through
     * @param nodeType a create's mode in lower case, else null
     * @param acl a setAcl's new ACL as Apache prints it, else null
     */
    void write(String operation, String path, String nodeType, String acl, boolean success);

    /**
     * The line of a single write: a refused one ({@code refused}, an error transaction) names the path the client
     * asked for; one that went through, the path it touched, failing if applying it did.
     */
    default void write(String operation, String requestedPath, String nodeType, String acl, boolean refused,
            ProcessTxnResult result) {
        write(operation, refused ? requestedPath : result.path(), nodeType, acl, !refused && result.err() == 0);
    }
}
