package dev.menagerie.storage.file.impl;

import java.lang.annotation.Annotation;

/** Component configurations as DS would build them from defaults. */
final class TestConfigs {

    private TestConfigs() {
    }

    static FileStorageFactory.Config defaults() {
        return new FileStorageFactory.Config() {
            @Override
            public long fsync_warningthresholdms() {
                return 1000;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return FileStorageFactory.Config.class;
            }
        };
    }
}
