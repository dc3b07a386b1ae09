package dev.menagerie.quorum.impl.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PEM key and trust stores: a key store file holds one PKCS#8 private key (encrypted when a password is set) and its
 * certificate chain; a trust store file holds certificates. Both become in-memory PKCS12 key stores.
 */
final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "DSA");

    private PemFiles() {
    }

    static KeyStore keyStore(String text, char[] password) throws IOException, GeneralSecurityException {
        PrivateKey key = null;
        List<Certificate> chain = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "CERTIFICATE" -> chain.add(certificate(der));
                case "PRIVATE KEY" -> key = privateKey(der);
                case "ENCRYPTED PRIVATE KEY" -> key = privateKey(decrypt(der, password));
                default -> throw new IOException("unsupported PEM block " + block.group(1)
                        + " (a PKCS#8 PRIVATE KEY or ENCRYPTED PRIVATE KEY and CERTIFICATEs are read)");
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new IOException("a PEM key store needs a private key and its certificate");
        }
        KeyStore store = emptyStore();
        store.setKeyEntry("key", key, password, chain.toArray(new Certificate[0]));
        return store;
    }

    static KeyStore trustStore(String text) throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        Matcher block = BLOCK.matcher(text);
        int count = 0;
        while (block.find()) {
            if (block.group(1).equals("CERTIFICATE")) {
                store.setCertificateEntry("cert-" + count++,
                        certificate(Base64.getMimeDecoder().decode(block.group(2))));
            }
        }
        if (count == 0) {
            throw new IOException("the PEM trust store holds no CERTIFICATE");
        }
        return store;
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Certificate certificate(byte[] der) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // the DER names its algorithm; trying the few we expect is simpler than parsing it
            }
        }
        throw new InvalidKeySpecException("the private key is not RSA, EC, Ed25519 or DSA");
    }

    private static byte[] decrypt(byte[] der, char[] password) throws IOException, GeneralSecurityException {
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        Key secret = SecretKeyFactory.getInstance(info.getAlgName()).generateSecret(new PBEKeySpec(password));
        Cipher cipher = Cipher.getInstance(info.getAlgName());
        cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
        return info.getKeySpec(cipher).getEncoded();
    }
}
