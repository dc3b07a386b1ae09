package dev.menagerie.quorum.impl.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quorum's TLS context, rebuilt for the next connection once the key or trust store file changed when
 * {@code sslQuorumReloadCertFiles} is on (Apache watches the files; here each new connection compares their size
 * and modification time, which costs two stat calls and no thread). A store that cannot be read after a change is
 * reported once and the previous context stays in use.
 */
final class CertFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CertFiles.class);

    private final QuorumTlsSettings settings;
    private SSLContext context;
    private List<String> stamps;
    private List<String> failedStamps;

    CertFiles(QuorumTlsSettings settings) throws IOException {
        this.settings = settings;
        this.stamps = stamps();
        this.context = QuorumSslContext.build(settings);
    }

    synchronized SSLContext current() {
        if (!settings.reloadCertFiles()) {
            return context;
        }
        List<String> now = stamps();
        if (now.equals(stamps) || now.equals(failedStamps)) {
            return context;
        }
        try {
            context = QuorumSslContext.build(settings);
            stamps = now;
            LOG.info("Quorum TLS key or trust store changed; new quorum connections use the new certificates");
        } catch (IOException e) {
            failedStamps = now;
            LOG.warn("Quorum TLS stores changed but cannot be used ({}); keeping the previous certificates",
                    e.getMessage());
        }
        return context;
    }

    private List<String> stamps() {
        List<String> all = new ArrayList<>();
        for (QuorumTlsSettings.Store store : new QuorumTlsSettings.Store[] {settings.keyStore(),
                settings.trustStore()}) {
            all.add(store == null ? "-" : stamp(store.location()));
        }
        return all;
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey();
        } catch (IOException e) {
            return "missing";
        }
    }
}
