package dev.menagerie.server.impl.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.zookeeper.common.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathValidatorTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a", "/a/b", "/a.b", "/..a", "/a..", "/.a/b.", "/a/...", "/\u00e9t\u00e9", "//",
        "/a/", "a", "", "/a//b", "/.", "/..", "/a/./b", "/a/../b", "/a\u0000b", "/a\u0001", "/\u007f", "/\u009f",
        "/\ud800", "/\uf8ff", "/\ufff0", "/\uffff", "/a\tb", "/zookeeper/quota", "/ok\u00a0space"})
    void agreesWithApacheOnEveryPath(String path) {
        String apache;
        try {
            PathUtils.validatePath(path);
            apache = null;
        } catch (IllegalArgumentException e) {
            apache = e.getMessage();
        }
        assertEquals(apache, PathValidator.problem(path), "path " + path.replace("\u0000", "\\0"));
    }

    @Test
    void parentOfTopLevelNodeIsRoot() {
        assertEquals("/", PathValidator.parent("/a"));
        assertEquals("/a", PathValidator.parent("/a/b"));
        assertEquals(null, PathValidator.parent("/"));
    }
}
