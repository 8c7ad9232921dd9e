package dev.switchboard.bench.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident set size of a process, read from /proc/&lt;pid&gt;/status (VmRSS, in kB). */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The summed RSS of these processes in bytes, or -1 if one of them is unknown or gone. */
    public static long rssBytes(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            long rss = rssBytes(pid);
            if (rss < 0) {
                return -1;
            }
            sum += rss;
        }
        return sum;
    }

    /** RSS in bytes, or -1 if the process is unknown or gone. */
    public static long rssBytes(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
