package dev.menagerie.api.status;

/**
 * The outcome of checking the credentials of an admin request that changes or copies the database ({@code snapshot},
 * {@code restore}), as Apache ZooKeeper 3.9 decides it: the scheme's provider authenticates the credentials, then
 * the ids it returns are checked against the ACL of a node.
 */
public enum AdminAccess {
    /** The ids hold every asked permission on the node. */
    GRANTED,
    /** No provider for the scheme, or it refused the credentials or returned no id (HTTP 401). */
    NOT_AUTHENTICATED,
    /** Authenticated, but the node's ACL does not grant every asked permission to the ids (HTTP 403). */
    NOT_AUTHORIZED,
    /** The node does not exist (Apache answers HTTP 500). */
    NO_NODE
}
