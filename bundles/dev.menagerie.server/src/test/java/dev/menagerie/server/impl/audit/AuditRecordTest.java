package dev.menagerie.server.impl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.menagerie.protocol.Perms;
import dev.menagerie.protocol.data.ACL;
import dev.menagerie.protocol.data.Id;
import dev.menagerie.server.impl.audit.AuditRecord.Result;
import java.util.List;
import org.apache.zookeeper.ZKUtil;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void leavesOutAbsentFieldsAndEndsWithTheResult() {
        assertEquals("session=0x1f\tip=10.0.0.1\toperation=delete\tznode=/a\tresult=failure",
                new AuditRecord(AuditRecord.sessionText(0x1f), null, "10.0.0.1", "delete", "/a", null, null,
                        Result.FAILURE).line());
        assertEquals("result=invoked", new AuditRecord(null, null, null, null, null, null, null, Result.INVOKED)
                .line());
    }

    @Test
    void printsAclsAsApachesZkUtilDoes() {
        List<ACL> acl = List.of(new ACL(Perms.ALL, new Id("digest", "u:h")), new ACL(Perms.READ | Perms.ADMIN,
                new Id("world", "anyone")), new ACL(0, new Id("ip", "10.0.0.0/8")));
        List<org.apache.zookeeper.data.ACL> apache = acl.stream().map(a -> new org.apache.zookeeper.data.ACL(
                a.perms(), new org.apache.zookeeper.data.Id(a.id().scheme(), a.id().id()))).toList();
        assertEquals(ZKUtil.aclToString(apache), AuditRecord.aclText(acl));
        assertEquals("digest:u:h:cdrwaworld:anyone:raip:10.0.0.0/8:", AuditRecord.aclText(acl));
    }

    @Test
    void readsTheSwitchLikeApacheAndRefusesOtherLoggerClasses() {
        assertTrue(AuditSettings.enabled(" TRUE ", null));
        assertFalse(AuditSettings.enabled("yes", null));
        assertFalse(AuditSettings.enabled(null, AuditLog.LOGGER_NAME));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AuditSettings.enabled("false", "x.Y"));
        assertTrue(refused.getMessage().startsWith("audit.impl.class=x.Y "), refused.getMessage());
    }
}
