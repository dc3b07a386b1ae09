package dev.menagerie.server.impl.auth;

import java.math.BigInteger;
import java.security.Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

/** A certificate that only knows its subject: enough for the x509 provider, which reads nothing else. */
final class FakeCertificate extends X509Certificate {
    private final X500Principal subject;

    FakeCertificate(String subject) {
        this.subject = new X500Principal(subject);
    }

    @Override
    public X500Principal getSubjectX500Principal() {
        return subject;
    }

    @Override
    public PublicKey getPublicKey() {
        return new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return new byte[0];
            }
        };
    }

    @Override
    public void checkValidity() {
    }

    @Override
    public void checkValidity(Date date) {
    }

    @Override
    public int getVersion() {
        return 3;
    }

    @Override
    public BigInteger getSerialNumber() {
        return BigInteger.ONE;
    }

    @Override
    public Principal getIssuerDN() {
        return subject;
    }

    @Override
    public Principal getSubjectDN() {
        return subject;
    }

    @Override
    public Date getNotBefore() {
        return new Date(0);
    }

    @Override
    public Date getNotAfter() {
        return new Date(0);
    }

    @Override
    public byte[] getTBSCertificate() {
        return new byte[0];
    }

    @Override
    public byte[] getSignature() {
        return new byte[0];
    }

    @Override
    public String getSigAlgName() {
        return "none";
    }

    @Override
    public String getSigAlgOID() {
        return "0.0";
    }

    @Override
    public byte[] getSigAlgParams() {
        return null;
    }

    @Override
    public boolean[] getIssuerUniqueID() {
        return null;
    }

    @Override
    public boolean[] getSubjectUniqueID() {
        return null;
    }

    @Override
    public boolean[] getKeyUsage() {
        return null;
    }

    @Override
    public int getBasicConstraints() {
        return -1;
    }

    @Override
    public byte[] getEncoded() {
        return new byte[0];
    }

    @Override
    public void verify(PublicKey key) {
    }

    @Override
    public void verify(PublicKey key, String sigProvider) {
    }

    @Override
    public String toString() {
        return "FakeCertificate[" + subject + "]";
    }

    @Override
    public boolean hasUnsupportedCriticalExtension() {
        return false;
    }

    @Override
    public Set<String> getCriticalExtensionOIDs() {
        return Set.of();
    }

    @Override
    public Set<String> getNonCriticalExtensionOIDs() {
        return Set.of();
    }

    @Override
    public byte[] getExtensionValue(String oid) {
        return null;
    }
}
