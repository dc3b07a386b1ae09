package dev.menagerie.server.impl.auth;

import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;

import java.util.ArrayList;
import java.util.List;

/** Converts between Menagerie's protocol records and Apache ZooKeeper's jute classes for reference tests. */
final class ApacheTypes {
    private ApacheTypes() {
    }

    static org.apache.zookeeper.data.Id apache(Id id) {
        return new org.apache.zookeeper.data.Id(id.scheme(), id.id());
    }

    static List<org.apache.zookeeper.data.Id> apacheIds(List<Id> ids) {
        return ids.stream().map(ApacheTypes::apache).toList();
    }

    static List<org.apache.zookeeper.data.ACL> apacheAcl(List<ACL> acl) {
        List<org.apache.zookeeper.data.ACL> converted = new ArrayList<>();
        for (ACL entry : acl) {
            converted.add(new org.apache.zookeeper.data.ACL(entry.perms(), apache(entry.id())));
        }
        return converted;
    }

    static List<ACL> ours(List<org.apache.zookeeper.data.ACL> acl) {
        return acl.stream()
                .map(entry -> new ACL(entry.getPerms(), new Id(entry.getId().getScheme(), entry.getId().getId())))
                .toList();
    }
}
