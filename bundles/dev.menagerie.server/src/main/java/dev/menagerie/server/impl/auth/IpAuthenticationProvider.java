package dev.menagerie.server.impl.auth;

import dev.menagerie.api.auth.AuthId;
import dev.menagerie.api.auth.AuthenticationProvider;
import dev.menagerie.api.auth.ConnectionInfo;

import java.util.Arrays;
import java.util.List;

/**
 * The {@code ip} scheme: an auth packet for it gives the connection {@code ip:<client address>}; an ACL id is an
 * address with an optional {@code /prefixBits} mask. IPv4 ids never match IPv6 clients or the reverse.
 */
public final class IpAuthenticationProvider implements AuthenticationProvider {
    public static final String SCHEME = "ip";

    @Override
    public String scheme() {
        return SCHEME;
    }

    /** Always succeeds with the client's address; the auth data is ignored, as in Apache. */
    @Override
    public List<AuthId> authenticate(byte[] authData, ConnectionInfo connection) {
        return List.of(new AuthId(SCHEME, connection.remoteAddress()));
    }

    @Override
    public boolean matches(String id, String aclExpression) {
        String[] parts = aclExpression.split("/", 2);
        byte[] aclAddress = IpAddresses.parse(parts[0]);
        if (aclAddress == null) {
            return false;
        }
        int prefixBits = parts.length == 2 ? prefixBits(parts[1], aclAddress.length) : aclAddress.length * 8;
        byte[] clientAddress = IpAddresses.parse(id);
        if (prefixBits < 0 || clientAddress == null || clientAddress.length != aclAddress.length) {
            return false;
        }
        IpAddresses.mask(aclAddress, prefixBits);
        IpAddresses.mask(clientAddress, prefixBits);
        return Arrays.equals(aclAddress, clientAddress);
    }

    /** Addresses are not identities: the {@code auth} scheme does not expand to them. */
    @Override
    public boolean isAuthenticated() {
        return false;
    }

    @Override
    public boolean isValid(String id) {
        String[] parts = id.split("/", 2);
        byte[] address = IpAddresses.parse(parts[0]);
        return address != null && (parts.length == 1 || prefixBits(parts[1], address.length) >= 0);
    }

    /** The prefix length, or -1 if it is not a number from 0 to the address width. */
    private static int prefixBits(String text, int addressBytes) {
        try {
            int bits = Integer.parseInt(text);
            return bits >= 0 && bits <= addressBytes * 8 ? bits : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
