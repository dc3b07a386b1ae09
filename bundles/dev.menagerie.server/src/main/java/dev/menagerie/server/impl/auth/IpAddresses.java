package dev.menagerie.server.impl.auth;

/**
 * Parses IP address text the way Apache ZooKeeper's {@code IPAuthenticationProvider} does: text with a colon is IPv6
 * (hex groups of up to four digits, at most one {@code ::}, no embedded IPv4 or zone), text with a dot is IPv4 (four
 * decimal parts 0 to 255). No name lookups.
 */
final class IpAddresses {
    private static final int IPV6_BYTES = 16;
    private static final int IPV6_GROUPS = 8;

    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or null if the text is not an address. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        if (text.indexOf('.') >= 0) {
            return parseV4(text);
        }
        return null;
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            Integer value = parseInt(parts[i], 10);
            if (value == null || value < 0 || value > 255) {
                return null;
            }
            address[i] = (byte) value.intValue();
        }
        return address;
    }

    private static byte[] parseV6(String text) {
        String[] halves = text.split("::", -1);
        String[] head;
        String[] tail = new String[0];
        if (halves.length == 1) {
            head = text.split(":", -1);
            if (head.length != IPV6_GROUPS) {
                return null;
            }
        } else if (halves.length == 2) {
            head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
            tail = halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1);
            if (head.length + tail.length >= IPV6_GROUPS) {
                return null;
            }
        } else {
            return null;
        }
        byte[] address = new byte[IPV6_BYTES];
        boolean ok = putGroups(address, 0, head) && putGroups(address, IPV6_BYTES - 2 * tail.length, tail);
        return ok ? address : null;
    }

    private static boolean putGroups(byte[] address, int offset, String[] groups) {
        int index = offset;
        for (String group : groups) {
            Integer value = group.isEmpty() || group.length() > 4 ? null : parseInt(group, 16);
            if (value == null) {
                return false;
            }
            address[index++] = (byte) (value >> 8);
            address[index++] = (byte) value.intValue();
        }
        return true;
    }

    private static Integer parseInt(String text, int radix) {
        try {
            return Integer.parseInt(text, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Clears every bit after the first {@code prefixBits}. */
    static void mask(byte[] address, int prefixBits) {
        int index = prefixBits / 8;
        if (index < address.length) {
            int keep = ~((1 << (8 - prefixBits % 8)) - 1);
            address[index] &= (byte) keep;
            for (int i = index + 1; i < address.length; i++) {
                address[i] = 0;
            }
        }
    }
}
