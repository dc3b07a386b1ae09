package dev.menagerie.storage.file.tool;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.Scanner;
import java.util.Set;

/**
 * {@code zkTxnLogToolkit.sh}: Apache ZooKeeper's {@code TxnLogToolkit} with its options, output and exit codes.
 * Dump mode (the default, {@code -d}) prints each transaction of a log file as Apache does ({@link TxnText});
 * recovery mode ({@code -r}) writes {@code <file>.fixed} with the CRC of each damaged entry recomputed, asking
 * for each one unless {@code -y}; {@code -v} prints every entry while recovering; chop mode ({@code -c -z <zxid>})
 * writes {@code <file>.chopped<zxid in decimal>} holding the entries up to that zxid ({@link LogChop}).
 */
public final class TxnLogToolkit {

    static final int TXNLOG_MAGIC = 0x5A4B4C47;
    static final int FINISHED = 0;
    static final int UNEXPECTED_ERROR = 1;
    static final int INVALID_INVOCATION = 2;

    private final PrintStream out;
    private final Scanner answers;

    private TxnLogToolkit(PrintStream out, Scanner answers) {
        this.out = out;
        this.answers = answers;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the tool; returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Set<String> flags = new LinkedHashSet<>();
        String[] zxidAndFile = new String[2];
        String problem = parse(args, flags, zxidAndFile);
        if (problem != null) {
            err.println(problem + "\n");
            out.println(usage());
            return UNEXPECTED_ERROR;
        }
        if (flags.contains("h") || zxidAndFile[1] == null) {
            out.println(usage());
            return flags.contains("h") ? FINISHED : UNEXPECTED_ERROR;
        }
        File log = new File(zxidAndFile[1]);
        if (!log.exists() || !log.canRead()) {
            err.println("File doesn't exist or not readable: " + log);
            return UNEXPECTED_ERROR;
        }
        try {
            if (flags.contains("c") && zxidAndFile[0] != null) {
                return LogChop.chop(log, Long.decode(zxidAndFile[0]), out, err);
            }
            TxnLogToolkit toolkit = new TxnLogToolkit(out, new Scanner(in));
            return flags.contains("r")
                    ? toolkit.recover(log, flags.contains("v"), flags.contains("y"))
                    : toolkit.dump(log);
        } catch (NumberFormatException e) {
            err.println("The zxid is not a number: " + zxidAndFile[0]);
            return UNEXPECTED_ERROR;
        } catch (Stop stop) {
            err.println(stop.getMessage());
            return stop.exitCode;
        } catch (IOException e) {
            err.println("Cannot read " + log + ": " + e.getMessage());
            return UNEXPECTED_ERROR;
        }
    }

    private int dump(File log) throws IOException, Stop {
        try (DataInputStream in = open(log)) {
            readHeader(in, log);
            entries(in, entry -> {
                if (!entry.crcMatches()) {
                    printTxn(entry.bytes(), "CRC ERROR");
                }
                printTxn(entry.bytes(), "");
            });
        }
        return FINISHED;
    }

    private int recover(File log, boolean verbose, boolean yes) throws IOException, Stop {
        File fixed = new File(log + ".fixed");
        if (fixed.exists()) {
            throw new Stop(UNEXPECTED_ERROR, "Recovery file " + fixed + " already exists or not writable");
        }
        int[] fixedCount = {0};
        try (DataInputStream in = open(log); RecoveryFile output = new RecoveryFile(fixed)) {
            output.header(readHeader(in, log));
            entries(in, entry -> {
                long written = entry.storedCrc();
                if (!entry.crcMatches()) {
                    if (yes) {
                        written = LogEntries.adler32(entry.bytes());
                        printTxn(entry.bytes(), "CRC FIXED");
                        fixedCount[0]++;
                    } else {
                        printTxn(entry.bytes(), "CRC ERROR");
                        if (askForFix()) {
                            written = LogEntries.adler32(entry.bytes());
                            fixedCount[0]++;
                        }
                    }
                }
                if (verbose) {
                    printTxn(entry.bytes(), "");
                }
                output.append(written, entry.bytes());
            });
        }
        out.printf("Recovery file %s has been written with %d fixed CRC error(s)%n", fixed, fixedCount[0]);
        return FINISHED;
    }

    /** Apache's header check and first line. */
    private LogEntries.Header readHeader(DataInputStream in, File log) throws IOException, Stop {
        LogEntries.Header header = LogEntries.Header.read(in);
        if (!header.isLog()) {
            throw new Stop(INVALID_INVOCATION, "Invalid magic number for " + log.getName());
        }
        out.println(header.describe());
        return header;
    }

    /** Each entry up to the end of the file or of the preallocated zeros; a torn last entry stops the tool. */
    private void entries(DataInputStream in, EntryVisitor visitor) throws IOException, Stop {
        int count = 0;
        for (LogEntries.Entry entry = LogEntries.next(in); entry != null; entry = LogEntries.next(in)) {
            visitor.visit(entry);
            if (in.readByte() != 'B') {
                throw new Stop(UNEXPECTED_ERROR, "Last transaction was partial.");
            }
            count++;
        }
        out.println("EOF reached after " + count + " txns.");
    }

    private interface EntryVisitor {
        void visit(LogEntries.Entry entry) throws IOException, Stop;
    }

    private boolean askForFix() throws Stop {
        while (true) {
            out.print("Would you like to fix it (Yes/No/Abort) ? ");
            out.flush();
            if (!answers.hasNext()) {
                throw new Stop(UNEXPECTED_ERROR, "Recovery aborted: no answer on the standard input.");
            }
            switch (Character.toUpperCase(answers.next().charAt(0))) {
                case 'Y' -> {
                    return true;
                }
                case 'N' -> {
                    return false;
                }
                case 'A' -> throw new Stop(FINISHED, "Recovery aborted.");
                default -> {
                    // Apache asks again.
                }
            }
        }
    }

    private void printTxn(byte[] entry, String prefix) throws IOException {
        String line = TxnText.line(entry);
        if (!prefix.isBlank()) {
            out.print(prefix + " - ");
        }
        if (line.endsWith("\n")) {
            out.print(line);
        } else {
            out.println(line);
        }
    }

    private static DataInputStream open(File log) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(log.toPath()), 64 * 1024));
    }

    /** Options as Apache's commons-cli parser takes them; returns the problem, or null. */
    private static String parse(String[] args, Set<String> flags, String[] zxidAndFile) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = longName(equals < 0 ? arg.substring(2) : arg.substring(2, equals));
                if (name == null) {
                    return "Unrecognized option: " + arg;
                }
                if (name.equals("z")) {
                    if (equals < 0 && i + 1 >= args.length) {
                        return "Missing argument for option: z";
                    }
                    zxidAndFile[0] = equals < 0 ? args[++i] : arg.substring(equals + 1);
                }
                flags.add(name);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int c = 1; c < arg.length(); c++) {
                    String name = String.valueOf(arg.charAt(c));
                    if (!"hrvdycz".contains(name)) {
                        return "Unrecognized option: " + (c == 1 ? arg : "-" + name);
                    }
                    flags.add(name);
                    if (name.equals("z")) {
                        if (c + 1 < arg.length()) {
                            zxidAndFile[0] = arg.substring(c + 1);
                        } else if (i + 1 < args.length) {
                            zxidAndFile[0] = args[++i];
                        } else {
                            return "Missing argument for option: z";
                        }
                        break;
                    }
                }
            } else if (zxidAndFile[1] == null) {
                zxidAndFile[1] = arg;
            }
        }
        return null;
    }

    private static String longName(String name) {
        return switch (name) {
            case "help" -> "h";
            case "recover" -> "r";
            case "verbose" -> "v";
            case "dump" -> "d";
            case "yes" -> "y";
            case "chop" -> "c";
            case "zxid" -> "z";
            default -> null;
        };
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: TxnLogToolkit [-dhrvc] <txn_log_file_name> (-z <zxid>)",
                " -c,--chop        Chop mode. Chop txn file to a zxid.",
                " -d,--dump        Dump mode. Dump all entries of the log file with printing the content of a"
                        + " nodepath (default)",
                " -h,--help        Print help message",
                " -r,--recover     Recovery mode. Re-calculate CRC for broken entries.",
                " -v,--verbose     Be verbose in recovery mode: print all entries, not just fixed ones.",
                " -y,--yes         Non-interactive mode: repair all CRC errors without asking",
                " -z,--zxid <arg>  Used with chop. Zxid to which to chop.");
    }

    /** Ends the tool with a message for the standard error and an exit code, as Apache's exceptions do. */
    static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Stop(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
