package dev.menagerie.storage.memory.impl;

import dev.menagerie.api.storage.Storage;
import dev.menagerie.api.storage.StorageSettings;
import dev.menagerie.storage.contract.StorageContract;

/** The storage contract for the memory engine, opened through its factory as the server opens it. */
class MemoryStorageContractTest extends StorageContract {

    @Override
    protected Storage open(StorageSettings settings) {
        return new MemoryStorageFactory().open(settings);
    }

    @Override
    protected boolean durable() {
        return false;
    }
}
