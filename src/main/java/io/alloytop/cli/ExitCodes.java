package io.alloytop.cli;

/** Exit codes shared by every command; `check` documents 0/1/2 for scripts. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something is wrong but Alloy answered: unhealthy components, failed config load, problems. */
    public static final int DEGRADED = 1;
    /** Unreachable, not Alloy, auth refused, or not ready. */
    public static final int UNREACHABLE = 2;
    /** Bad command line (sysexits EX_USAGE), kept apart from 2 so scripts can tell them apart. */
    public static final int USAGE = 64;
    /** Bad input file or an operation that failed for a reason that is already printed. */
    public static final int FAILED = 3;

    private ExitCodes() {}
}
