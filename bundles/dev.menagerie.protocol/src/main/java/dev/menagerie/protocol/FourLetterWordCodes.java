package dev.menagerie.protocol;

/**
 * Four-letter-word commands. A connection whose first four bytes, read as the frame length, equal one of
 * these codes (the big-endian int of the four ASCII letters) is a command, not a client session.
 */
public final class FourLetterWordCodes {
    public static final int CONF = 0x636F6E66;
    public static final int CONS = 0x636F6E73;
    public static final int CRST = 0x63727374;
    /** 3.5 */
    public static final int DIRS = 0x64697273;
    public static final int DUMP = 0x64756D70;
    public static final int ENVI = 0x656E7669;
    public static final int GTMK = 0x67746D6B;
    /** 3.6 */
    public static final int HASH = 0x68617368;
    public static final int ISRO = 0x6973726F;
    public static final int MNTR = 0x6D6E7472;
    public static final int RUOK = 0x72756F6B;
    public static final int SRST = 0x73727374;
    public static final int SRVR = 0x73727672;
    public static final int STAT = 0x73746174;
    public static final int STMK = 0x73746D6B;
    public static final int WCHC = 0x77636863;
    public static final int WCHP = 0x77636870;
    public static final int WCHS = 0x77636873;
    /** Telnet's "interrupt process" (IAC IP, IAC DO): Apache knows it and closes the connection. */
    public static final int TELNET_CLOSE = 0xFFF4FFFD;

    private FourLetterWordCodes() {
    }

    /** The command a first int stands for ({@code "ruok"}, ..., {@code "telnet close"}), or null. */
    public static String fourLetterWord(int firstInt) {
        return switch (firstInt) {
            case CONF -> "conf";
            case CONS -> "cons";
            case CRST -> "crst";
            case DIRS -> "dirs";
            case DUMP -> "dump";
            case ENVI -> "envi";
            case GTMK -> "gtmk";
            case HASH -> "hash";
            case ISRO -> "isro";
            case MNTR -> "mntr";
            case RUOK -> "ruok";
            case SRST -> "srst";
            case SRVR -> "srvr";
            case STAT -> "stat";
            case STMK -> "stmk";
            case WCHC -> "wchc";
            case WCHP -> "wchp";
            case WCHS -> "wchs";
            case TELNET_CLOSE -> "telnet close";
            default -> null;
        };
    }

    /** The code of a four-letter command name, or 0 if the name is not four ASCII letters. */
    public static int code(String word) {
        if (word == null || word.length() != 4) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = word.charAt(i);
            if (c >= 0x80) {
                return 0;
            }
            value = (value << 8) | c;
        }
        return value;
    }
}
