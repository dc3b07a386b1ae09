package dev.menagerie.server.impl.auth;

/** An ACL a create or setACL carries cannot be used: the request fails with INVALIDACL for {@link #path()}. */
public final class InvalidAclException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;

    public InvalidAclException(String path, String reason) {
        super(reason + " (" + path + ")", null, false, false);
        this.path = path;
    }

    /** The path of the request. */
    public String path() {
        return path;
    }
}
