package dev.menagerie.protocol;

/**
 * Error codes of {@code ReplyHeader.err}, {@code MultiHeader.err} and {@code ErrorTxn}, as Apache ZooKeeper's
 * {@code KeeperException.Code} numbers them, each with the message text Apache logs for it.
 */
public enum ErrorCode {
    OK(0, "ok"),
    SYSTEMERROR(-1, "SystemError"),
    RUNTIMEINCONSISTENCY(-2, "RuntimeInconsistency"),
    DATAINCONSISTENCY(-3, "DataInconsistency"),
    CONNECTIONLOSS(-4, "ConnectionLoss"),
    MARSHALLINGERROR(-5, "MarshallingError"),
    UNIMPLEMENTED(-6, "Unimplemented"),
    OPERATIONTIMEOUT(-7, "OperationTimeout"),
    BADARGUMENTS(-8, "BadArguments"),
    /** Apache has no message text for this code and logs its fallback. */
    UNKNOWNSESSION(-12, "Unknown error UNKNOWNSESSION"),
    NEWCONFIGNOQUORUM(-13, "NewConfigNoQuorum"),
    RECONFIGINPROGRESS(-14, "ReconfigInProgress"),
    APIERROR(-100, "APIError"),
    NONODE(-101, "NoNode"),
    NOAUTH(-102, "NoAuth"),
    BADVERSION(-103, "BadVersion"),
    NOCHILDRENFOREPHEMERALS(-108, "NoChildrenForEphemerals"),
    NODEEXISTS(-110, "NodeExists"),
    NOTEMPTY(-111, "Directory not empty"),
    SESSIONEXPIRED(-112, "Session expired"),
    INVALIDCALLBACK(-113, "Invalid callback"),
    INVALIDACL(-114, "InvalidACL"),
    AUTHFAILED(-115, "AuthFailed"),
    SESSIONMOVED(-118, "Session moved"),
    NOTREADONLY(-119, "Not a read-only call"),
    EPHEMERALONLOCALSESSION(-120, "Ephemeral node on local session"),
    NOWATCHER(-121, "No such watcher"),
    /** Apache has no message text for this code and logs its fallback. */
    REQUESTTIMEOUT(-122, "Unknown error REQUESTTIMEOUT"),
    RECONFIGDISABLED(-123, "Reconfig is disabled"),
    SESSIONCLOSEDREQUIRESASLAUTH(-124, "Session closed because client failed to authenticate"),
    QUOTAEXCEEDED(-125, "Quota has exceeded"),
    THROTTLEDOP(-127, "Op throttled due to high load");

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The number on the wire. */
    public int code() {
        return code;
    }

    /** Apache's message text for this code. */
    public String message() {
        return message;
    }

    /** The text of Apache's {@code KeeperException.getMessage()}: {@code KeeperErrorCode = NoNode for /a}. */
    public String describe(String path) {
        return "KeeperErrorCode = " + message + (path == null ? "" : " for " + path);
    }

    /** The code with this number, or null if there is none. */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode candidate : values()) {
            if (candidate.code == code) {
                return candidate;
            }
        }
        return null;
    }
}
