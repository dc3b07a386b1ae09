package dev.menagerie.server.impl.tree;

import dev.menagerie.protocol.EventType;
import dev.menagerie.protocol.ErrorCode;
import dev.menagerie.protocol.data.Stat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What applying one transaction did, as Apache ZooKeeper's {@code DataTree.ProcessTxnResult}, plus the watch
 * events it causes.
 *
 * <p>{@link #err()} is 0 or an {@link ErrorCode} number: the error of an {@code ErrorTxn}, or what went wrong
 * applying (NONODE, NODEEXISTS: possible when replaying a log over a fuzzy snapshot). For a multi it is the
 * first non-zero error of its ops. {@link #stat()} is set for create2, createTTL, createContainer, setData and
 * setACL when they succeed. {@link #triggers()} are in the order Apache fires them; for a multi they are all
 * its ops' triggers in op order, so the pipeline fires the top-level list only.
 */
public final class ProcessTxnResult {
    private final long clientId;
    private final int cxid;
    private final long zxid;
    private final int type;
    private int err;
    private String path;
    private Stat stat;
    private List<ProcessTxnResult> multiResult;
    private final List<WatchTrigger> triggers = new ArrayList<>(2);

    ProcessTxnResult(long clientId, int cxid, long zxid, int type) {
        this.clientId = clientId;
        this.cxid = cxid;
        this.zxid = zxid;
        this.type = type;
    }

    public long clientId() {
        return clientId;
    }

    public int cxid() {
        return cxid;
    }

    public long zxid() {
        return zxid;
    }

    /** The op code applied; inside a failed multi, every op is {@code OpCode.ERROR}. */
    public int type() {
        return type;
    }

    public int err() {
        return err;
    }

    /** The path the op named, null for session and error transactions. */
    public String path() {
        return path;
    }

    public Stat stat() {
        return stat;
    }

    /** The results of a multi's ops in order, null for other transactions. */
    public List<ProcessTxnResult> multiResult() {
        return multiResult == null ? null : Collections.unmodifiableList(multiResult);
    }

    public List<WatchTrigger> triggers() {
        return Collections.unmodifiableList(triggers);
    }

    /** The nodes this transaction deleted, in order (for closeSession: the session's ephemerals). */
    public List<String> deletedPaths() {
        List<String> deleted = new ArrayList<>();
        for (WatchTrigger trigger : triggers) {
            if (trigger.type() == EventType.NODE_DELETED) {
                deleted.add(trigger.path());
            }
        }
        return deleted;
    }

    void setErr(int err) {
        this.err = err;
    }

    void setPath(String path) {
        this.path = path;
    }

    void setStat(Stat stat) {
        this.stat = stat;
    }

    void addSubResult(ProcessTxnResult sub) {
        if (multiResult == null) {
            multiResult = new ArrayList<>();
        }
        multiResult.add(sub);
        triggers.addAll(sub.triggers);
    }

    void startMulti() {
        multiResult = new ArrayList<>();
    }

    void addTrigger(WatchTrigger trigger) {
        triggers.add(trigger);
    }

    @Override
    public String toString() {
        return "ProcessTxnResult[zxid=0x" + Long.toHexString(zxid) + ", type=" + type + ", err=" + err
                + ", path=" + path + "]";
    }
}
