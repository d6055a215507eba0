package dev.sockscope.app;

/**
 * The standing rule for how much recording to keep: sessions idle for more than
 * {@code maxAgeDays}, and the oldest sessions while the recording holds more than
 * {@code maxMegabytes} of messages. 0 turns a limit off. The current session is never removed,
 * and nothing is removed before the user has seen the list (see {@link Recording#beyond}).
 */
public record Retention(int maxAgeDays, long maxMegabytes) {
    public static final Retention OFF = new Retention(0, 0);

    public Retention {
        if (maxAgeDays < 0 || maxMegabytes < 0) {
            throw new IllegalArgumentException("retention limits are 0 (off) or more");
        }
    }

    public boolean isOff() {
        return maxAgeDays == 0 && maxMegabytes == 0;
    }

    /** "30 days, 500 MB", "no limit". */
    public String describe() {
        if (isOff()) {
            return "no limit";
        }
        String age = maxAgeDays > 0 ? maxAgeDays + " days" : "";
        String size = maxMegabytes > 0 ? maxMegabytes + " MB" : "";
        return age.isEmpty() ? size : size.isEmpty() ? age : age + ", " + size;
    }
}
