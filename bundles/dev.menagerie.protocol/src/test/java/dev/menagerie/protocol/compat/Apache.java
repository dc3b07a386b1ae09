package dev.menagerie.protocol.compat;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.ClientInfo;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.protocol.data.Stat;
import dev.menagerie.protocol.data.StatPersisted;
import dev.menagerie.protocol.jute.JuteRecord;
import dev.menagerie.protocol.jute.JuteWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;

/** Bridges to Apache ZooKeeper 3.9.5's own jute classes, the reference the tests compare against. */
final class Apache {
    private Apache() {
    }

    /** Apache's encoding of one or more records, written back to back into one archive. */
    static byte[] bytes(Record... records) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryOutputArchive archive = BinaryOutputArchive.getArchive(out);
            for (Record record : records) {
                record.serialize(archive, "record");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our encoding of one or more records, written back to back into one writer. */
    static byte[] ours(JuteRecord... records) {
        JuteWriter writer = new JuteWriter(16);
        for (JuteRecord record : records) {
            record.write(writer);
        }
        return writer.toByteArray();
    }

    /** Decodes bytes with Apache's own class of the same kind as {@code template}. */
    static Record decode(Class<? extends Record> type, byte[] bytes) {
        try {
            Record record = type.getDeclaredConstructor().newInstance();
            record.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes)), "record");
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static org.apache.zookeeper.data.Id id(Id id) {
        return new org.apache.zookeeper.data.Id(id.scheme(), id.id());
    }

    static org.apache.zookeeper.data.ACL acl(ACL acl) {
        return new org.apache.zookeeper.data.ACL(acl.perms(), id(acl.id()));
    }

    static List<org.apache.zookeeper.data.ACL> acls(List<ACL> acls) {
        return acls.stream().map(Apache::acl).toList();
    }

    static List<org.apache.zookeeper.data.Id> ids(List<Id> ids) {
        return ids.stream().map(Apache::id).toList();
    }

    static org.apache.zookeeper.data.ClientInfo clientInfo(ClientInfo info) {
        return new org.apache.zookeeper.data.ClientInfo(info.authScheme(), info.user());
    }

    static org.apache.zookeeper.data.Stat stat(Stat s) {
        return new org.apache.zookeeper.data.Stat(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.dataLength(), s.numChildren(), s.pzxid());
    }

    static org.apache.zookeeper.data.StatPersisted statPersisted(StatPersisted s) {
        return new org.apache.zookeeper.data.StatPersisted(s.czxid(), s.mzxid(), s.ctime(), s.mtime(), s.version(),
                s.cversion(), s.aversion(), s.ephemeralOwner(), s.pzxid());
    }
}
