package dev.menagerie.testing.linearizability;

/**
 * One operation on a register (a znode's data and version) as a client saw it: invoked at {@code invokeNs}, and
 * either answered at {@code completeNs} or {@link Outcome#UNKNOWN} (a timeout or lost connection: it may take effect
 * at any moment after its invocation, or never), in which case {@code completeNs} is {@link Long#MAX_VALUE}.
 *
 * @param argument the value a write or compare-and-set stores; unused by a read
 * @param expectedVersion the version a compare-and-set (setData with a version) expects
 * @param seenValue the value a read returned
 * @param seenVersion the version a read returned, or the new version a write or successful CAS reported
 */
public record RegisterOp(int process, String key, Kind kind, int argument, int expectedVersion, long invokeNs,
        long completeNs, Outcome outcome, int seenValue, int seenVersion) {

    public enum Kind { READ, WRITE, CAS }

    /** OK: applied (or read) as reported; FAILED: a CAS the server refused (bad version); UNKNOWN: no answer. */
    public enum Outcome { OK, FAILED, UNKNOWN }

    public RegisterOp {
        if (outcome == Outcome.UNKNOWN) {
            completeNs = Long.MAX_VALUE;
        }
        if (completeNs < invokeNs) {
            throw new IllegalArgumentException("completes before its invocation: " + invokeNs + " > " + completeNs);
        }
        if (outcome == Outcome.FAILED && kind != Kind.CAS) {
            throw new IllegalArgumentException("only a compare-and-set fails definitely, not a " + kind);
        }
    }

    public static RegisterOp read(int process, String key, long invokeNs, long completeNs, int value, int version) {
        return new RegisterOp(process, key, Kind.READ, 0, -1, invokeNs, completeNs, Outcome.OK, value, version);
    }

    public static RegisterOp write(int process, String key, int value, long invokeNs, long completeNs,
            Outcome outcome, int newVersion) {
        return new RegisterOp(process, key, Kind.WRITE, value, -1, invokeNs, completeNs, outcome, 0, newVersion);
    }

    public static RegisterOp cas(int process, String key, int expectedVersion, int value, long invokeNs,
            long completeNs, Outcome outcome, int newVersion) {
        return new RegisterOp(process, key, Kind.CAS, value, expectedVersion, invokeNs, completeNs, outcome, 0,
                newVersion);
    }

    /** This operation as if its answer had not arrived yet: the view of a history cut at a moment before it. */
    public RegisterOp pending() {
        return new RegisterOp(process, key, kind, argument, expectedVersion, invokeNs, Long.MAX_VALUE,
                Outcome.UNKNOWN, 0, 0);
    }

    /** This operation as if one write, the one that made {@code version}, had never happened. */
    RegisterOp withVersionsAbove(int version) {
        int seen = seenVersion >= version ? seenVersion - 1 : seenVersion;
        int expected = expectedVersion >= version ? expectedVersion - 1 : expectedVersion;
        return new RegisterOp(process, key, kind, argument, expected, invokeNs, completeNs, outcome, seenValue,
                seen);
    }

    /** Whether the value it stores (if it stores one) is {@code value}. */
    public boolean stores(int value) {
        return kind != Kind.READ && argument == value;
    }

    /** One line, times in milliseconds since {@code originNs}. */
    public String describe(long originNs) {
        String call = switch (kind) {
            case READ -> "read";
            case WRITE -> "write " + argument;
            case CAS -> "cas version " + expectedVersion + " -> " + argument;
        };
        String answer = switch (outcome) {
            case OK -> kind == Kind.READ ? "ok " + seenValue + " at version " + seenVersion
                    : "ok, now version " + seenVersion;
            case FAILED -> "failed (bad version)";
            case UNKNOWN -> "unknown (no answer)";
        };
        String end = completeNs == Long.MAX_VALUE ? "never" : ms(completeNs - originNs);
        return String.format("p%-3d %-8s %-28s %-32s [%s .. %s]", process, key, call, answer,
                ms(invokeNs - originNs), end);
    }

    private static String ms(long ns) {
        return String.format("%.3f ms", ns / 1e6);
    }
}
