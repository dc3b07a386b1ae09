package dev.menagerie.transport.netty.impl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
 * Key and trust stores read from PEM files with the JDK alone: a key store file holds the private key (PKCS#8,
 * encrypted PKCS#8 when a password is set, or PKCS#1 RSA) and its certificate chain, leaf first; a trust store
 * file holds the trusted certificates.
 */
final class PemStore {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** DER of AlgorithmIdentifier{rsaEncryption, NULL}, the header PKCS#8 puts before a PKCS#1 RSA key. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final String KEY_ALIAS = "key";

    private PemStore() {
    }

    static KeyStore keyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        List<Block> blocks = blocks(file);
        PrivateKey key = null;
        List<Certificate> chain = new ArrayList<>();
        for (Block block : blocks) {
            switch (block.label()) {
                case "CERTIFICATE" -> chain.add(certificate(block.der()));
                case "PRIVATE KEY" -> key = privateKey(new PKCS8EncodedKeySpec(block.der()));
                case "ENCRYPTED PRIVATE KEY" -> key = privateKey(decrypt(block.der(), password));
                case "RSA PRIVATE KEY" -> key = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(pkcs8OfRsa(block.der())));
                default -> {
                    // Parameters and other blocks that some tools write alongside are not needed.
                }
            }
        }
        if (key == null) {
            throw new GeneralSecurityException("no private key (PRIVATE KEY, ENCRYPTED PRIVATE KEY or RSA PRIVATE KEY) in "
                    + file);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no CERTIFICATE in " + file);
        }
        KeyStore store = emptyStore();
        store.setKeyEntry(KEY_ALIAS, key, password == null ? new char[0] : password, chain.toArray(Certificate[]::new));
        return store;
    }

    static KeyStore trustStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = emptyStore();
        int n = 0;
        for (Block block : blocks(file)) {
            if (block.label().equals("CERTIFICATE")) {
                X509Certificate certificate = certificate(block.der());
                store.setCertificateEntry("trusted-" + n++ + "-" + certificate.getSubjectX500Principal().getName(),
                        certificate);
            }
        }
        if (n == 0) {
            throw new GeneralSecurityException("no CERTIFICATE in " + file);
        }
        return store;
    }

    private record Block(String label, byte[] der) {
    }

    private static List<Block> blocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
        }
        return blocks;
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, char[] password) throws IOException,
            GeneralSecurityException {
        if (password == null || password.length == 0) {
            throw new GeneralSecurityException("the private key is encrypted and no key store password is set");
        }
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        Cipher cipher = Cipher.getInstance(info.getAlgName());
        cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(info.getAlgName())
                .generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
        return info.getKeySpec(cipher);
    }

    /** A PKCS#8 key names its algorithm only inside its DER; the JDK has no parser to ask, so try each. */
    private static PrivateKey privateKey(PKCS8EncodedKeySpec spec) throws GeneralSecurityException {
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException notThisOne) {
                // next algorithm
            }
        }
        throw new InvalidKeySpecException("unsupported private key algorithm");
    }

    /** PrivateKeyInfo ::= SEQUENCE { version INTEGER 0, algorithm, privateKey OCTET STRING (the PKCS#1 key) }. */
    static byte[] pkcs8OfRsa(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + RSA_ALGORITHM.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(RSA_ALGORITHM, 0, body, version.length, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, body, version.length + RSA_ALGORITHM.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        int lengthBytes = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
        byte[] out = new byte[2 + lengthBytes + length];
        out[0] = (byte) tag;
        if (lengthBytes == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthBytes);
            for (int i = 0; i < lengthBytes; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthBytes - 1 - i)));
            }
        }
        System.arraycopy(content, 0, out, 2 + lengthBytes, length);
        return out;
    }
}
