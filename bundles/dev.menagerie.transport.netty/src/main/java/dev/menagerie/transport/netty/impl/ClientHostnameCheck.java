package dev.menagerie.transport.netty.impl;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Apache's client hostname verification ({@code ssl.clientHostnameVerification}): after the chain is trusted, the
 * client certificate's subject alternative names must include the client's IP address or, when reverse DNS
 * lookups are allowed, the host name its address resolves back to.
 */
final class ClientHostnameCheck extends X509ExtendedTrustManager {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final X509ExtendedTrustManager chainCheck;
    private final boolean allowReverseDnsLookup;

    ClientHostnameCheck(X509ExtendedTrustManager chainCheck, boolean allowReverseDnsLookup) {
        this.chainCheck = chainCheck;
        this.allowReverseDnsLookup = allowReverseDnsLookup;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        chainCheck.checkClientTrusted(chain, authType, engine);
        verify(chain[0], engine.getPeerHost());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        chainCheck.checkClientTrusted(chain, authType, socket);
        verify(chain[0], socket.getInetAddress().getHostAddress());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the client's address is unknown, so its host name cannot be verified");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        chainCheck.checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        chainCheck.checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        chainCheck.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chainCheck.getAcceptedIssuers();
    }

    private void verify(X509Certificate certificate, String clientIp) throws CertificateException {
        if (clientIp == null) {
            throw new CertificateException("the client's address is unknown, so its host name cannot be verified");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(clientIp); // an IP literal: no lookup
        } catch (UnknownHostException e) {
            throw new CertificateException("not an IP address: " + clientIp, e);
        }
        Collection<List<?>> names = subjectAlternativeNames(certificate);
        for (List<?> name : names) {
            if ((Integer) name.get(0) == SAN_IP && sameAddress(address, (String) name.get(1))) {
                return;
            }
        }
        if (allowReverseDnsLookup) {
            String hostName = address.getCanonicalHostName();
            for (List<?> name : names) {
                if ((Integer) name.get(0) == SAN_DNS && dnsNameMatches((String) name.get(1), hostName)) {
                    return;
                }
            }
        }
        throw new CertificateException("the client certificate " + certificate.getSubjectX500Principal().getName()
                + " does not name the client's address " + clientIp
                + (allowReverseDnsLookup ? " or its host name" : ""));
    }

    private static Collection<List<?>> subjectAlternativeNames(X509Certificate certificate)
            throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        return names == null ? List.of() : names;
    }

    private static boolean sameAddress(InetAddress address, String literal) {
        try {
            return InetAddress.getByName(literal).equals(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Case-insensitive, with a wildcard allowed as the whole left-most label ({@code *.example.com}). */
    static boolean dnsNameMatches(String pattern, String hostName) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = hostName.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }
}
