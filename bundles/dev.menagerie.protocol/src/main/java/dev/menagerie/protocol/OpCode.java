package dev.menagerie.protocol;

/**
 * Request types ({@code RequestHeader.type}, {@code TxnHeader.type}, {@code MultiHeader.type}), as numbered
 * by Apache ZooKeeper's {@code ZooDefs.OpCode}. There is no op code 10.
 */
public final class OpCode {
    /** Server to client only: the op of a watch event. */
    public static final int NOTIFICATION = 0;
    public static final int CREATE = 1;
    public static final int DELETE = 2;
    public static final int EXISTS = 3;
    public static final int GET_DATA = 4;
    public static final int SET_DATA = 5;
    public static final int GET_ACL = 6;
    public static final int SET_ACL = 7;
    public static final int GET_CHILDREN = 8;
    public static final int SYNC = 9;
    public static final int PING = 11;
    public static final int GET_CHILDREN2 = 12;
    public static final int CHECK = 13;
    public static final int MULTI = 14;
    /** 3.5.0 */
    public static final int CREATE2 = 15;
    /** 3.5.0 */
    public static final int RECONFIG = 16;
    /** 3.5.0 */
    public static final int CHECK_WATCHES = 17;
    /** 3.5.0 */
    public static final int REMOVE_WATCHES = 18;
    /** 3.5.1 */
    public static final int CREATE_CONTAINER = 19;
    /** 3.5.1 */
    public static final int DELETE_CONTAINER = 20;
    /** 3.5.3 */
    public static final int CREATE_TTL = 21;
    /** 3.6.0 */
    public static final int MULTI_READ = 22;
    public static final int AUTH = 100;
    public static final int SET_WATCHES = 101;
    public static final int SASL = 102;
    /** 3.6.0 */
    public static final int GET_EPHEMERALS = 103;
    /** 3.6.0 */
    public static final int GET_ALL_CHILDREN_NUMBER = 104;
    /** 3.6.0 */
    public static final int SET_WATCHES2 = 105;
    /** 3.6.0 */
    public static final int ADD_WATCH = 106;
    /** 3.7.0 */
    public static final int WHO_AM_I = 107;
    public static final int CREATE_SESSION = -10;
    public static final int CLOSE_SESSION = -11;
    /** The type of an {@code ErrorTxn} and of a failed op in a multi result. */
    public static final int ERROR = -1;

    private OpCode() {
    }

    /** Apache's name of an op code (e.g. {@code "getData"}), or null if the number is not an op code. */
    public static String name(int opCode) {
        return switch (opCode) {
            case NOTIFICATION -> "notification";
            case CREATE -> "create";
            case DELETE -> "delete";
            case EXISTS -> "exists";
            case GET_DATA -> "getData";
            case SET_DATA -> "setData";
            case GET_ACL -> "getACL";
            case SET_ACL -> "setACL";
            case GET_CHILDREN -> "getChildren";
            case SYNC -> "sync";
            case PING -> "ping";
            case GET_CHILDREN2 -> "getChildren2";
            case CHECK -> "check";
            case MULTI -> "multi";
            case CREATE2 -> "create2";
            case RECONFIG -> "reconfig";
            case CHECK_WATCHES -> "checkWatches";
            case REMOVE_WATCHES -> "removeWatches";
            case CREATE_CONTAINER -> "createContainer";
            case DELETE_CONTAINER -> "deleteContainer";
            case CREATE_TTL -> "createTTL";
            case MULTI_READ -> "multiRead";
            case AUTH -> "auth";
            case SET_WATCHES -> "setWatches";
            case SASL -> "sasl";
            case GET_EPHEMERALS -> "getEphemerals";
            case GET_ALL_CHILDREN_NUMBER -> "getAllChildrenNumber";
            case SET_WATCHES2 -> "setWatches2";
            case ADD_WATCH -> "addWatch";
            case WHO_AM_I -> "whoAmI";
            case CREATE_SESSION -> "createSession";
            case CLOSE_SESSION -> "closeSession";
            case ERROR -> "error";
            default -> null;
        };
    }

    /** True for the op codes a client may send after its session is established. */
    public static boolean isClientRequest(int opCode) {
        return opCode != NOTIFICATION && opCode != CREATE_SESSION && opCode != ERROR && name(opCode) != null;
    }
}
